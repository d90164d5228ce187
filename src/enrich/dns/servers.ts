import { isIP } from 'node:net';

/**
 * A resolver address from the command line or configuration — `HOST`, `HOST:PORT` or
 * `[IPv6]:PORT`, HOST an IP address — in the form node's resolver takes, or an error saying why.
 */
export function parseServer(input: string): { ok: true; server: string } | { ok: false; error: string } {
  const s = input.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(s);
  const host = bracketed?.[1] ?? (plain?.[1] ?? (isIP(s) === 6 ? s : undefined));
  const port = bracketed?.[2] ?? plain?.[2];
  if (host === undefined || isIP(host) === 0) return { ok: false, error: `resolver '${input}': expected an IP address, optionally with :PORT` };
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { ok: false, error: `resolver '${input}': port ${port} is out of range` };
  if (port === undefined) return { ok: true, server: host };
  return { ok: true, server: isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}` };
}
