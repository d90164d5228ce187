/**
 * One certstream message (CaliDog/certstream-server and its certstream-server-go clone): a
 * `certificate_update` gives the leaf certificate's names with its log, index, fingerprint, issuer and
 * validity; a `heartbeat` gives nothing. Anything else is reported as malformed, never thrown.
 */
import type { CertInfo, Name } from '../engine/index.js';

export type CertstreamMessage =
  | { readonly kind: 'names'; readonly log: string; readonly index: number | undefined; readonly names: readonly Name[] }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'malformed'; readonly reason: string };

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function isoFromSeconds(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  const d = new Date(v * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** certstream gives the SHA-1 as `AB:CD:…` (and certstream-server-go a `sha256`); CertInfo wants lower-case hex, marked when it is SHA-1. */
function fingerprintOf(leaf: Record<string, unknown>): string | undefined {
  const sha256 = str(leaf.sha256);
  const raw = sha256 ?? str(leaf.fingerprint);
  if (raw === undefined) return undefined;
  const hex = raw.replace(/:/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  return hex.length === 40 ? `sha1:${hex}` : hex;
}

function issuerOf(leaf: Record<string, unknown>, chain: unknown): string | undefined {
  const direct = record(leaf.issuer) ?? record(record(Array.isArray(chain) ? chain[0] : undefined)?.subject);
  if (direct === undefined) return undefined;
  const cn = str(direct.CN);
  const o = str(direct.O);
  if (cn !== undefined && o !== undefined && cn !== o) return `${cn}, ${o}`;
  return cn ?? o ?? str(direct.aggregated);
}

function namesOfLeaf(leaf: Record<string, unknown>): string[] {
  const all = Array.isArray(leaf.all_domains) ? leaf.all_domains.filter((d): d is string => typeof d === 'string' && d !== '') : [];
  if (all.length > 0) return all;
  const cn = str(record(leaf.subject)?.CN);
  const san = str(record(leaf.extensions)?.subjectAltName);
  const sans = san === undefined ? [] : [...san.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1] ?? '');
  return [...(cn !== undefined && cn.includes('.') && !cn.includes(' ') ? [cn] : []), ...sans].filter((n) => n !== '');
}

/**
 * Reads one WebSocket text frame. `stream` names the certstream URL (used when a message names no log);
 * `receivedAt` (ISO 8601) stands in when the message has no `seen` time.
 */
export function readCertstreamMessage(text: string, stream: string, receivedAt: string): CertstreamMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  const top = record(parsed);
  const type = top?.message_type;
  if (type === 'heartbeat') return { kind: 'heartbeat' };
  if (type !== 'certificate_update') return { kind: 'malformed', reason: `message_type ${JSON.stringify(type ?? null)}` };
  const data = record(top?.data);
  const leaf = record(data?.leaf_cert);
  if (data === undefined || leaf === undefined) return { kind: 'malformed', reason: 'certificate_update without data.leaf_cert' };
  const names = [...new Set(namesOfLeaf(leaf).map((n) => n.toLowerCase()))];
  if (names.length === 0) return { kind: 'malformed', reason: 'leaf_cert with no DNS name' };
  const log = str(record(data.source)?.url) ?? stream;
  const index = typeof data.cert_index === 'number' && Number.isSafeInteger(data.cert_index) && data.cert_index >= 0 ? data.cert_index : undefined;
  const fingerprint = fingerprintOf(leaf);
  const issuer = issuerOf(leaf, data.chain);
  const notBefore = isoFromSeconds(leaf.not_before);
  const notAfter = isoFromSeconds(leaf.not_after);
  const cert: CertInfo | undefined =
    fingerprint === undefined
      ? undefined
      : {
          fingerprint,
          precert: data.update_type === 'PrecertLogEntry',
          ...(issuer === undefined ? {} : { issuer }),
          ...(notBefore === undefined ? {} : { notBefore }),
          ...(notAfter === undefined ? {} : { notAfter }),
        };
  const seenAt = isoFromSeconds(data.seen) ?? receivedAt;
  const provenance = {
    source: `certstream:${log}`,
    seenAt,
    ...(index === undefined ? {} : { position: String(index) }),
    ...(cert === undefined ? {} : { cert }),
  };
  return { kind: 'names', log, index, names: names.map((name) => ({ name, provenance })) };
}
