import { cnameChain, detectWildcard, type DnsClient, type DnsRecords } from './dns/index.js';
import { classifyAddress } from './guard.js';
import { factMaker, type Fact, type Resolve } from './types.js';

const TYPES = ['A', 'AAAA', 'NS', 'MX', 'SOA', 'TXT'] as const;
type Asked = (typeof TYPES)[number];

export interface DnsFacts {
  readonly facts: Fact[];
  /** The addresses the domain resolves to, as DNS gave them (the guard checks them at connection). */
  readonly addresses: readonly string[];
}

/**
 * DNS facts of a domain via the DNS adapter: `a`, `aaaa`, `ns`, `mx`, `soa_mailbox` (a pivot),
 * `spf`, `dmarc`, `txt`, `cname` (each hop), `wildcard`, `address_class` for non-public answers,
 * and `dns_error` per type that failed other than "no such name".
 */
export async function dnsFacts(client: DnsClient, domain: string, observed: string): Promise<DnsFacts> {
  const add = factMaker(domain, 'dns', observed);
  const [records, dmarc, chain, wildcard] = await Promise.all([
    client.resolveRecords(domain, TYPES) as Promise<DnsRecords<Asked>>,
    client.query(`_dmarc.${domain}`, 'TXT'),
    cnameChain(client, `www.${domain}`),
    detectWildcard(client, domain),
  ]);
  const facts: Fact[] = [];
  const ok = <K extends Asked>(k: K) => {
    const r = records[k];
    if (!r.ok && r.error !== 'nxdomain') facts.push(add('dns_error', `${k}: ${r.error}`));
    return r.ok ? r.records : [];
  };
  const addresses = [...ok('A'), ...ok('AAAA')];
  for (const a of ok('A')) facts.push(add('a', a));
  for (const a of ok('AAAA')) facts.push(add('aaaa', a));
  for (const a of addresses) {
    const cls = classifyAddress(a);
    if (cls !== 'public') facts.push(add('address_class', `${a} ${cls}`));
  }
  for (const ns of ok('NS')) facts.push(add('ns', ns.toLowerCase()));
  for (const mx of ok('MX')) facts.push(add('mx', `${mx.priority} ${mx.exchange.toLowerCase()}`));
  for (const soa of ok('SOA')) facts.push(add('soa_mailbox', soa.mailbox.toLowerCase()), add('soa_mname', soa.mname.toLowerCase()));
  for (const txt of ok('TXT')) facts.push(add(/^v=spf1\b/i.test(txt) ? 'spf' : 'txt', txt.slice(0, 1000)));
  if (dmarc.ok) for (const txt of dmarc.records) if (/^v=DMARC1/i.test(txt)) facts.push(add('dmarc', txt.slice(0, 1000)));
  if (chain.ok) for (const hop of chain.records) facts.push(add('cname', `www.${domain} -> ${hop}`));
  if (wildcard.ok && wildcard.wildcard) facts.push(add('wildcard', `${wildcard.probe} resolves to ${wildcard.addresses.join(' ')}`));
  return { facts, addresses };
}

/** A Resolve (A then AAAA) over the DNS adapter, for the guarded connections. */
export function resolveWith(client: DnsClient): Resolve {
  return async (host) => {
    const r = await client.resolveRecords(host, ['A', 'AAAA']);
    return [...(r.A.ok ? r.A.records : []), ...(r.AAAA.ok ? r.AAAA.records : [])];
  };
}
