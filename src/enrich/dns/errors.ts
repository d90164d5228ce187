import type { DnsError } from './types.js';

/** c-ares error codes as node's DNS client reports them → our reasons. */
const CODES: Readonly<Record<string, DnsError>> = {
  ENOTFOUND: 'nxdomain',
  ESERVFAIL: 'servfail',
  ETIMEOUT: 'timeout',
  EREFUSED: 'refused',
  ECONNREFUSED: 'unreachable',
  ECONNRESET: 'unreachable',
  EBADRESP: 'bad-response',
  EFORMERR: 'bad-response',
  EBADNAME: 'bad-name',
  EBADQUERY: 'bad-name',
};

/** The code of an error from node:dns (ENODATA is not an error to us: see the caller). */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

export function dnsError(code: string): DnsError {
  return CODES[code] ?? 'other';
}
