import { factMaker, type Fact, type NetDeps } from '../types.js';
import { lookupRdapDomain, type RdapDeps } from './client.js';
import { registrationFacts } from './facts.js';
import { lookupWhoisDomain, type WhoisDeps } from './whois.js';

export interface RegistrationDeps extends RdapDeps {
  /** WHOIS settings for TLDs without RDAP; leave out to never use port 43. */
  readonly whois?: Omit<WhoisDeps, keyof NetDeps>;
}

/**
 * The registration facts of a domain: RDAP at the registry the bootstrap names; WHOIS only when the
 * bootstrap has no RDAP server for the TLD. A failure becomes one `registration_error` fact, so the
 * history shows that the lookup was tried.
 */
export async function registrationOf(domain: string, deps: RegistrationDeps): Promise<Fact[]> {
  const observed = (deps.now?.() ?? new Date()).toISOString();
  const rdap = await lookupRdapDomain(domain, deps);
  if (rdap.ok) return registrationFacts(rdap.domain, `rdap:${new URL(rdap.url).host}`, observed);
  if (rdap.kind === 'no-server' && deps.whois !== undefined) {
    const whois = await lookupWhoisDomain(domain, { resolve: deps.resolve, policy: deps.policy, ...deps.whois });
    if (whois.ok) return registrationFacts(whois.domain, `whois:${whois.server}`, observed);
    return [factMaker(domain, 'whois', observed)('registration_error', `${whois.kind}: ${whois.message}`)];
  }
  return [factMaker(domain, 'rdap', observed)('registration_error', `${rdap.kind}: ${rdap.message}`)];
}
