import type { AsnTable } from './asn/index.js';
import type { DnsClient } from './dns/index.js';
import { dnsFacts, resolveWith } from './dns-facts.js';
import type { GuardPolicy } from './guard.js';
import type { Polite } from './policy/index.js';
import { registrationOf, type Bootstrap, type RdapLookup, type WhoisDeps } from './rdap/index.js';
import { assessRisk, type RiskAssessment } from './risk.js';
import { probeTls, tlsFacts, type TlsProbe } from './tls/index.js';
import { factMaker, type Fact, type NetDeps } from './types.js';
import { pageFacts, visitPage, type BrandReference, type PageVisit } from './web/index.js';

/** Everything enrichment may use; leave an adapter's part out to skip it. */
export interface EnrichDeps {
  readonly dns: DnsClient;
  /** PUBLIC_ONLY outside tests. */
  readonly policy: GuardPolicy;
  readonly asn?: AsnTable;
  readonly rdap?: {
    readonly bootstrap: Bootstrap;
    readonly polite?: Polite<RdapLookup>;
    readonly whois?: Omit<WhoisDeps, keyof NetDeps>;
    readonly ca?: string | Buffer;
  };
  readonly tls?: { readonly port?: number; readonly ca?: string | Buffer; readonly timeoutMs?: number; readonly polite?: Polite<TlsProbe> };
  readonly web?: {
    readonly references?: readonly BrandReference[];
    readonly ports?: { readonly http?: number; readonly https?: number };
    readonly ca?: string | Buffer;
    readonly timeoutMs?: number;
    readonly polite?: Polite<PageVisit>;
  };
  readonly now?: () => Date;
  /**
   * Total time for registration, certificate and page together, after DNS (default 30 s): what
   * has not answered by then becomes an `enrich_error` fact and is left behind.
   */
  readonly budgetMs?: number;
}

export interface Enrichment {
  readonly subject: string;
  /** Ready for `store.addFacts(facts)`. */
  readonly facts: readonly Fact[];
  readonly risk: RiskAssessment;
}

/** One deadline shared by the adapters of one domain. */
class Budget {
  private readonly timer: Promise<'late'>;
  private handle: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly add: (fact: string, value: string) => Fact,
  ) {
    this.timer = new Promise((resolve) => {
      this.handle = setTimeout(() => resolve('late'), ms);
    });
  }

  async run(adapter: string, work: Promise<Fact[]>): Promise<Fact[]> {
    const r = await Promise.race([work, this.timer]);
    return r === 'late' ? [this.add('enrich_error', `${adapter}: no answer within ${this.ms} ms`)] : r;
  }

  clear(): void {
    clearTimeout(this.handle);
  }
}

/** `asn`, `as_org`, `as_range` about each IPv4 address (subject: the address). */
export function asnFacts(table: AsnTable, addresses: readonly string[], observed: string): Fact[] {
  const facts: Fact[] = [];
  for (const ip of addresses) {
    const r = table.lookup(ip);
    if (r === undefined) continue;
    const add = factMaker(ip, 'ip2asn', observed);
    facts.push(add('asn', r.asn), add('as_org', r.org), add('as_range', `${r.first}-${r.last}`));
  }
  return facts;
}

/**
 * Every fact about one registrable domain: DNS first (its addresses feed the rest), then hosting
 * network, registration, certificate and page in parallel. Each adapter caps its own time and
 * turns failure into a fact, so one dead server costs a fact, not the enrichment. This is the
 * function `watch` calls for new findings and on its re-enrichment schedule.
 */
export async function enrichDomain(domain: string, deps: EnrichDeps): Promise<Enrichment> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const now = deps.now ?? (() => new Date());
  const observed = now().toISOString();
  const net: NetDeps = { resolve: resolveWith(deps.dns), policy: deps.policy, now };
  const dns = await dnsFacts(deps.dns, name, observed);
  const hasAddress = dns.addresses.length > 0;
  const budget = new Budget(deps.budgetMs ?? 30_000, factMaker(name, 'enrich', observed));
  const [registration, tls, web] = await Promise.all([
    deps.rdap === undefined ? [] : budget.run('rdap', registrationOf(name, { ...net, ...deps.rdap })),
    deps.tls === undefined || !hasAddress ? [] : budget.run('tls', probeTls(name, { ...net, ...deps.tls }).then((p) => tlsFacts(p, observed))),
    deps.web === undefined || !hasAddress
      ? []
      : budget.run('web', visitPage(name, { ...net, ...deps.web }).then((v) => pageFacts(v, observed, deps.web?.references ?? []))),
  ]);
  budget.clear();
  const hosting = deps.asn === undefined ? [] : asnFacts(deps.asn, dns.addresses, observed);
  const facts = [...dns.facts, ...hosting, ...registration, ...tls, ...web];
  return { subject: name, facts, risk: assessRisk(facts, now()) };
}

/** Facts about one address: its hosting network, and its certificate when `tls` is given. */
export async function enrichAddress(ip: string, deps: Omit<EnrichDeps, 'dns'> & { readonly dns?: DnsClient }): Promise<Enrichment> {
  const now = deps.now ?? (() => new Date());
  const observed = now().toISOString();
  const facts = deps.asn === undefined ? [] : asnFacts(deps.asn, [ip], observed);
  if (deps.tls !== undefined) {
    const probe = await probeTls(ip, { resolve: async (h) => [h], policy: deps.policy, ...deps.tls });
    facts.push(...tlsFacts(probe, observed));
  }
  return { subject: ip, facts, risk: assessRisk(facts, now()) };
}
