import type { DnsClient } from './client.js';
import type { DnsResult } from './types.js';

/**
 * The names a CNAME chain passes through from `name` (excluded) to its end, at most `maxHops`
 * long; a loop or an over-long chain is cut and marked truncated. An empty chain: no CNAME.
 */
export async function cnameChain(client: DnsClient, name: string, maxHops = 8): Promise<DnsResult<string>> {
  const chain: string[] = [];
  const seen = new Set([name.toLowerCase().replace(/\.$/, '')]);
  let current = name;
  for (let hop = 0; hop < maxHops; hop++) {
    const r = await client.query(current, 'CNAME');
    if (!r.ok) return hop === 0 || r.error !== 'nxdomain' ? r : { ok: true, records: chain, truncated: false };
    const next = r.records[0]?.toLowerCase().replace(/\.$/, '');
    if (next === undefined) return { ok: true, records: chain, truncated: false };
    if (seen.has(next)) return { ok: true, records: chain, truncated: true };
    seen.add(next);
    chain.push(next);
    current = next;
  }
  return { ok: true, records: chain, truncated: true };
}
