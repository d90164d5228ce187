import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Resolve } from './types.js';

/** Only this many addresses of one answer are looked at: attackers can send hundreds. */
export const MAX_ADDRESSES = 16;

/**
 * A Resolve over node's DNS client (A then AAAA), with optional servers (`HOST:PORT` or `HOST`)
 * and a timeout per query. An IP literal resolves to itself. Empty when the name has no address.
 */
export function dnsResolver(servers: readonly string[] = [], timeoutMs = 3000): Resolve {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  const quiet = async (p: Promise<string[]>): Promise<string[]> => {
    try {
      return await p;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'ENODATA' || code === 'ENOTFOUND') return [];
      throw err;
    }
  };
  return async (host) => {
    if (isIP(host) !== 0) return [host];
    const [v4, v6] = await Promise.all([quiet(resolver.resolve4(host)), quiet(resolver.resolve6(host))]);
    return [...v4, ...v6].slice(0, MAX_ADDRESSES);
  };
}

/** A Resolve from a fixed table (tests, or addresses already known from the DNS adapter). */
export function staticResolver(table: Readonly<Record<string, readonly string[]>>): Resolve {
  return async (host) => (isIP(host) !== 0 ? [host] : (table[host.toLowerCase()] ?? []));
}
