import { writeFile, rename } from 'node:fs/promises';
import { guardedGet } from '../http/index.js';
import type { NetDeps } from '../types.js';
import { parseBootstrap, type BootstrapKind, type BootstrapResult } from './bootstrap.js';

export const IANA_BOOTSTRAP_BASE = 'https://data.iana.org/rdap/';

/**
 * Fetches `<base><kind>.json`, checks it, and replaces `<dir>/<kind>.json` only when it is valid
 * (written aside then renamed, so a reader never sees half a file).
 */
export async function refreshBootstrap(kind: BootstrapKind, dir: string, deps: NetDeps, base = IANA_BOOTSTRAP_BASE): Promise<BootstrapResult> {
  const url = `${base.replace(/\/?$/, '/')}${kind}.json`;
  const r = await guardedGet(url, deps, { accept: 'application/json', limits: { maxBodyBytes: 4 * 1024 * 1024, overflow: 'fail' } });
  if (!r.ok) return { ok: false, message: r.message };
  if (r.status !== 200) return { ok: false, message: `${url}: HTTP ${r.status}` };
  let json: unknown;
  try {
    json = JSON.parse(r.body.toString('utf8'));
  } catch (err) {
    return { ok: false, message: `${url}: not JSON (${(err as Error).message.slice(0, 80)})` };
  }
  const parsed = parseBootstrap(kind, json, url);
  if (!parsed.ok) return parsed;
  const path = `${dir.replace(/\/?$/, '/')}${kind}.json`;
  await writeFile(`${path}.tmp`, r.body);
  await rename(`${path}.tmp`, path);
  return parsed;
}
