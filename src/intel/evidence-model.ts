/**
 * How much one shared fact counts. Each fact gives, for each actor a, a likelihood ratio
 *
 *   LR_a(v) = P(v | a) / P(v | nobody we know)
 *
 *   P(v | a)       = reuse_k · n_a(v) / N_a,k
 *     reuse_k : chance that a new domain of an actor reuses a value of kind k it is known to have used
 *               (an address 0.3, a /24 0.4, a name server 0.3, a registrant address 0.2…)
 *     n_a(v)  : how much of a's knowledge carries v (1 per indicator; 1/m when the source's actor label
 *               stands for m actors, e.g. GRIZZLY STEPPE for APT28 and APT29)
 *     N_a,k   : how many values of kind k a is known to use (an actor with 900 addresses says less
 *               with each one than an actor with 3)
 *   P(v | nobody)  = (b(v) + 1) / S_k
 *     b(v)    : unrelated domains known to share v: background facts (enrichment history), plus
 *               CROWDING for every further actor or report using v (a value many unrelated groups
 *               share is a sinkhole, a CDN or a bulletproof host), plus POPULAR when v lies under a
 *               top-list domain (a big provider's name server, a webmail host)
 *     S_k     : the number of values of kind k an unrelated domain could have drawn (IPv4 addresses
 *               hosting domains ~5·10^6, /24s ~2·10^5, registrars ~2·10^3…)
 *
 * An AS is weighed against how the known addresses spread over ASes, not against a uniform space:
 * hosting is concentrated (of 8,439 known addresses 391 sit at Vultr, 202 at DigitalOcean, 113 at M247),
 * so an AS many unrelated groups host in is weak evidence however many of an actor's addresses it holds:
 *   P(as | a)      = reuse_asn · n_a(as) / N_a,ip    (the actor's addresses there, of all its addresses)
 *   P(as | nobody) = (b(as) + 1) / (A + 1)
 *     b(as) : known addresses in the AS that are not a's (other actors', unattributed reports')
 *     A     : known addresses whose AS is known (the sample; an AS seen nowhere else gets 1/A)
 * The addresses' ASes come from an IP→ASN table (AsnLookup) when the knowledge is built; no CROWDING
 * is added, the other groups' addresses are counted directly.
 *
 * Weights are ln LR, never below 0 (a shared fact is never evidence against the actor who shares it).
 * Dependent facts count once: an address, its /24 and its ASN are one group, the naming and the
 * targeted brand are one group; a group contributes its strongest line. The posterior is
 *   P(a | facts) = prior_a · Π_groups max LR / (P(nobody) + Σ_b prior_b · Π max LR_b)
 * with P(some known actor) = ACTOR_PRIOR shared evenly among the actors that have indicators.
 * Sharing nothing is weak evidence against: when a domain has infrastructure facts and an actor shares
 * none of them (no address, /24, AS, name server, mailbox…), each kind k of the domain's facts of which
 * the actor has known values contributes ln(1 − reuse_k) — the chance that a new domain of a avoided all
 * of its known values of that kind (addresses: reuse of the widest net, the AS, when ASes are known, else
 * the /24). The sum is clipped at −NO_SHARE_CLIP nats, because what is known of an actor's infrastructure
 * is what was caught, never all it uses. Kinds of which the actor has no known value say nothing. An
 * actor sharing anything at all, even a crowded AS weighing 0, gets no penalty.
 *
 * No timing evidence (a registration date or first sighting near the actor's known activity), by
 * measurement: of the 265,354 indicators of the standard knowledge (galaxy, MITRE, JAR-16-20296A, ESET
 * Sednit events, 336 maltrail trails) 47 carry a date — hashes, URLs and e-mails of three ESET events —
 * and not one domain or address does (maltrail has no dates, the JAR's OBSERVED_DATE column is empty,
 * the MITRE file holds intrusion sets only). An actor's "known activity" would be three event dates for
 * one actor and nothing for 335, so a timing weight would be a guess with a number on it. Knowledge
 * counts its dated indicators (datedIndicators) and the attribution test prints them: revisit when
 * imported STIX/MISP feeds date a real share of the infrastructure.
 *
 * These constants are judgements, written down so they can be argued with; the naming part is
 * measured (see naming-evaluation.ts), the infrastructure part cannot be without labelled DNS history.
 */
import type { NodeKind } from './types.js';

/** P(a lookalike domain belongs to one of the known actors at all). */
export const ACTOR_PRIOR = 0.05;
export const CROWDING = 1000;
export const POPULAR = 100_000;
/** The naming evidence is clipped to ±this many nats: a name alone never settles an attribution. */
export const NAMING_CLIP = 5;

/** The no-shared-fact penalty never goes below −this many nats. */
export const NO_SHARE_CLIP = 1;

export const REUSE: Readonly<Partial<Record<NodeKind, number>>> = {
  domain: 1,
  ip: 0.3,
  prefix: 0.4,
  asn: 0.6,
  ns: 0.3,
  email: 0.2,
  registrar: 0.9,
  cert: 0.1,
  hash: 0.1,
  url: 0.1,
};

export const SPACE: Readonly<Partial<Record<NodeKind, number>>> = {
  domain: 3e8,
  ip: 5e6,
  prefix: 2e5,
  asn: 3e4,
  ns: 1e6,
  email: 1e8,
  registrar: 2e3,
  cert: 1e8,
  hash: 1e9,
  url: 1e9,
};

/** Which graph node kind a recorded fact names; null for facts that are not shared infrastructure. */
export function factNodeKind(fact: string): NodeKind | null {
  switch (fact.toLowerCase()) {
    case 'a':
    case 'ip':
      return 'ip';
    case 'ns':
      return 'ns';
    case 'soa_email':
    case 'soa_rname':
    case 'registrant_email':
    case 'email':
      return 'email';
    case 'registrar':
      return 'registrar';
    case 'asn':
      return 'asn';
    case 'cert':
    case 'cert_sha256':
    case 'cert_fingerprint':
      return 'cert';
    default:
      return null;
  }
}

/** Evidence of one group counts once; an address, its /24 and its ASN are one group. */
export function dependenceGroup(kind: NodeKind, value: string): string {
  if (kind === 'ip' || kind === 'prefix' || kind === 'asn') return 'address';
  return `${kind}:${value}`;
}

export function likelihoodWeight(kind: NodeKind, share: number, known: number, background: number): number {
  const reuse = REUSE[kind] ?? 0.1;
  const space = SPACE[kind] ?? 1e6;
  const pActor = (reuse * share) / Math.max(1, known);
  const pNobody = (background + 1) / space;
  return Math.max(0, Math.log(pActor / pNobody));
}

/** The ASN line's weight: `share` of the actor's `known` addresses lie in the AS beside `others` of the `sample`. */
export function asnWeight(share: number, known: number, others: number, sample: number): number {
  const pActor = ((REUSE.asn ?? 0.6) * share) / Math.max(1, known);
  const pNobody = (others + 1) / (Math.max(0, sample) + 1);
  return Math.max(0, Math.log(pActor / pNobody));
}

/** ln P(no shared value | a): each kind's chance of reuse missed, clipped (see above). */
export function absenceWeight(reuses: Iterable<number>): number {
  let w = 0;
  for (const r of reuses) w += Math.log(1 - Math.min(r, 0.99));
  return Math.max(-NO_SHARE_CLIP, w);
}
