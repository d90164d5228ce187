/**
 * The CT log list, v3 JSON (as Google and Apple publish it): RFC 6962 logs under `logs`, static-ct-api
 * logs under `tiled_logs`. Logs that are usable, qualified or readonly are followed; pending, retired,
 * rejected and state-less ones are skipped, each with the reason.
 */

export type LogKind = 'rfc6962' | 'tiled';

export interface LogInfo {
  /** Stable short name: the URL without scheme and trailing slash, e.g. `ct.googleapis.com/logs/argon2020`. */
  readonly name: string;
  readonly description: string;
  readonly kind: LogKind;
  /** Where entries are read: the RFC 6962 base URL or the static-ct-api monitoring prefix; ends with `/`. */
  readonly url: string;
  /** Base64 DER SubjectPublicKeyInfo, when the list gives one. */
  readonly key: string | undefined;
  readonly state: string;
}

export interface LogListResult {
  readonly logs: readonly LogInfo[];
  /** Logs left out, with why (for a message on stderr). */
  readonly skipped: readonly { readonly description: string; readonly reason: string }[];
}

const FOLLOWED = new Set(['usable', 'qualified', 'readonly']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `https://host/path/` → `host/path`. */
export function logNameOf(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** v3 lists write `state: { usable: {…} }`; sunlight's per-log log.v3.json writes `status: "readonly"`. */
function stateOf(log: Record<string, unknown>): string {
  if (typeof log.status === 'string' && !isRecord(log.state)) return log.status;
  if (!isRecord(log.state)) return 'none';
  return Object.keys(log.state)[0] ?? 'none';
}

function readLog(raw: unknown, kind: LogKind, where: string, out: LogInfo[], skipped: { description: string; reason: string }[]): void {
  if (!isRecord(raw)) {
    skipped.push({ description: where, reason: 'not a JSON object' });
    return;
  }
  const description = typeof raw.description === 'string' ? raw.description : where;
  const url = kind === 'rfc6962' ? raw.url : raw.monitoring_url;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    skipped.push({ description, reason: `no ${kind === 'rfc6962' ? 'url' : 'monitoring_url'}` });
    return;
  }
  const state = stateOf(raw);
  if (!FOLLOWED.has(state)) {
    skipped.push({ description, reason: `state ${state}` });
    return;
  }
  const key = typeof raw.key === 'string' && raw.key !== '' ? raw.key : undefined;
  out.push({ name: logNameOf(url), description, kind, url: withSlash(url), key, state });
}

/** Parses a v3 log list; `where` names the input in messages. */
export function parseLogList(text: string, where: string): { ok: true; list: LogListResult } | { ok: false; message: string } {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${where}: not JSON: ${(e as Error).message}` };
  }
  if (!isRecord(j) || !Array.isArray(j.operators)) return { ok: false, message: `${where}: no "operators" array (not a v3 log list)` };
  const logs: LogInfo[] = [];
  const skipped: { description: string; reason: string }[] = [];
  for (const [i, op] of j.operators.entries()) {
    if (!isRecord(op)) continue;
    const opName = typeof op.name === 'string' ? op.name : `operator ${i}`;
    for (const [kind, field] of [['rfc6962', 'logs'], ['tiled', 'tiled_logs']] as const) {
      const list = op[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        skipped.push({ description: `${opName} ${field}`, reason: 'not an array' });
        continue;
      }
      for (const [k, raw] of list.entries()) readLog(raw, kind, `${where}: ${opName} ${field}[${k}]`, logs, skipped);
    }
  }
  return { ok: true, list: { logs, skipped } };
}
