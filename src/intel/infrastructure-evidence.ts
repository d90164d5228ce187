/** Evidence from shared infrastructure: the facts about a domain that its known actors' indicators share. */
import { factKey, registrableDomain } from './background.js';
import { asnLabel, parseAsn } from './asn-index.js';
import { CROWDING, POPULAR, REUSE, absenceWeight, asnWeight, dependenceGroup, factNodeKind, likelihoodWeight } from './evidence-model.js';
import { prefix24 } from './import/indicator-value.js';
import type { Knowledge } from './knowledge.js';
import type { Fact, NodeKind } from './types.js';

export interface EvidenceLine {
  readonly group: string;
  readonly fact: string;
  readonly weight: number;
  readonly source: string;
}

/** Actor id → evidence lines, for every actor sharing something with the domain. */
export type EvidenceByActor = Map<number, EvidenceLine[]>;

function add(out: EvidenceByActor, actor: number, line: EvidenceLine): void {
  const list = out.get(actor);
  if (list === undefined) out.set(actor, [line]);
  else list.push(line);
}

/**
 * How many unrelated groups use a node: sources whose actor sets overlap count as one (one ambiguous
 * label such as GRIZZLY STEPPE naming APT28 and APT29 is one group, not two).
 */
function unrelatedGroups(k: Knowledge, node: number): number {
  const bySource = new Map<string, Set<number>>();
  for (const { other, edge } of k.graph.edges(node, 'actor')) {
    const id = k.actorOfNode.get(other);
    if (id === undefined) continue;
    const src = k.graph.edgeSource(edge);
    bySource.set(src, (bySource.get(src) ?? new Set()).add(id));
  }
  const groups: Set<number>[] = [];
  for (const set of bySource.values()) {
    const overlapping = groups.filter((g) => [...set].some((a) => g.has(a)));
    const merged = new Set(set);
    for (const g of overlapping) {
      for (const a of g) merged.add(a);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  return groups.length;
}

/** Actors linked to a node, with the largest share of any edge (1/m for ambiguous labels) and a source. */
function actorsOf(k: Knowledge, node: number): Map<number, { share: number; source: string }> {
  const g = k.graph;
  const out = new Map<number, { share: number; source: string }>();
  for (const { other, edge } of g.edges(node, 'actor')) {
    const id = k.actorOfNode.get(other);
    if (id === undefined) continue;
    const w = g.edgeWeight(edge);
    const prev = out.get(id);
    if (prev === undefined || prev.share < w) out.set(id, { share: w, source: describeSource(k, node, edge) });
  }
  return out;
}

function describeSource(k: Knowledge, node: number, edge: number): string {
  const g = k.graph;
  const report = g.neighbours(node, 'report').find((r) => r.source === g.edgeSource(edge));
  const where = g.neighbours(node, 'actor').find((n) => n.source === g.edgeSource(edge))?.position ?? '';
  const label = report !== undefined && report.value !== report.source ? ` (${report.value})` : '';
  return `${g.edgeSource(edge)}${where === '' ? '' : ` ${where}`}${label}`;
}

function backgroundOf(k: Knowledge, fact: string, value: string, actorsUsing: number): number {
  let b = k.background?.factCounts.get(factKey(fact, value)) ?? 0;
  b += CROWDING * Math.max(0, actorsUsing - 1);
  // a mailbox at a big webmail host is still one person's; a name server under a big provider is shared
  const reg = value.includes('@') ? null : registrableDomain(value);
  if (reg !== null && k.background?.popular.has(reg) === true) b += POPULAR;
  return b;
}

export function infrastructureEvidence(k: Knowledge, domain: string, facts: readonly Fact[]): EvidenceByActor {
  const out: EvidenceByActor = new Map();
  self(k, domain, out);
  const ases = new Map<number, string>();
  for (const f of facts) {
    const kind = factNodeKind(f.fact);
    if (kind === null) continue;
    const value = f.value.trim().toLowerCase();
    const source = f.source ?? 'recorded fact';
    if (kind === 'asn') {
      const n = parseAsn(value);
      if (n !== null && !ases.has(n)) ases.set(n, `it is hosted in ${asnLabel(n)} (fact from ${source})`);
      continue;
    }
    shared(k, kind, f.fact, value, source, out);
    if (kind !== 'ip') continue;
    prefix(k, value, out);
    const n = k.asns?.asnOf(value);
    if (n !== undefined && !ases.has(n)) ases.set(n, `its address ${value} lies in ${asnLabel(n)}`);
  }
  for (const [n, how] of ases) asn(k, n, how, out);
  return out;
}

/** The domain (or its registrable parent) is itself a known indicator. */
function self(k: Knowledge, domain: string, out: EvidenceByActor): void {
  const names = new Set([domain, registrableDomain(domain) ?? domain]);
  for (const name of names) {
    const node = k.graph.find('domain', name);
    if (node === undefined) continue;
    const actors = actorsOf(k, node);
    for (const [id, { share, source }] of actors) {
      const known = k.actorCounts.get(id)?.get('domain') ?? 1;
      const w = likelihoodWeight('domain', share, known, backgroundOf(k, 'domain', name, unrelatedGroups(k, node)));
      add(out, id, { group: 'domain', fact: `${name} is a known indicator`, weight: w, source });
    }
  }
}

function shared(k: Knowledge, kind: NodeKind, fact: string, value: string, factSource: string, out: EvidenceByActor): void {
  const node = k.graph.find(kind, value);
  if (node === undefined) return;
  const actors = actorsOf(k, node);
  const b = backgroundOf(k, fact, value, unrelatedGroups(k, node));
  for (const [id, { share, source }] of actors) {
    const known = k.actorCounts.get(id)?.get(kind) ?? 1;
    const w = likelihoodWeight(kind, share, known, b);
    const of = share < 1 ? `, a label shared by ${Math.round(1 / share)} actors` : '';
    add(out, id, {
      group: dependenceGroup(kind, value),
      fact: `shares ${describeKind(fact)} ${value} with its known indicators (1 of ${Math.round(known)}${of}; fact from ${factSource})`,
      weight: w,
      source,
    });
  }
}

/** Other addresses of an actor in the same /24. */
function prefix(k: Knowledge, ip: string, out: EvidenceByActor): void {
  const g = k.graph;
  const p = prefix24(ip);
  const node = g.find('prefix', p);
  if (node === undefined) return;
  const mass = new Map<number, { share: number; source: string; n: number }>();
  let groups = 0;
  for (const { other } of g.edges(node, 'ip')) {
    groups = Math.max(groups, unrelatedGroups(k, other));
    for (const [id, a] of actorsOf(k, other)) {
      const m = mass.get(id);
      mass.set(id, { share: (m?.share ?? 0) + a.share, source: m?.source ?? a.source, n: (m?.n ?? 0) + 1 });
    }
  }
  const b = CROWDING * Math.max(0, groups - 1);
  for (const [id, { share, source, n }] of mass) {
    const known = k.actorCounts.get(id)?.get('ip') ?? 1;
    add(out, id, {
      group: 'address',
      fact: `${p} holds ${n} of its ${Math.round(known)} known addresses`,
      weight: likelihoodWeight('prefix', share, known, b),
      source,
    });
  }
}

/** Other addresses of an actor in the same AS, weighed by how many known addresses of others it holds. */
function asn(k: Knowledge, n: number, how: string, out: EvidenceByActor): void {
  const stats = k.asns?.stats(n);
  if (k.asns === undefined || stats === undefined) return;
  const org = stats.org === '' ? '' : ` (${stats.org})`;
  for (const [id, a] of stats.actors) {
    const known = k.actorCounts.get(id)?.get('ip') ?? 1;
    const others = stats.addresses - a.addresses;
    add(out, id, {
      group: 'address',
      fact: `${how}${org}, which holds ${a.addresses} of its ${Math.round(known)} known addresses and ${others} known addresses of others`,
      weight: asnWeight(a.share, known, others, k.asns.addresses),
      source: `${describeSource(k, a.ip, a.edge)}; AS from ip2asn`,
    });
  }
}

/** A fact's kind in words: `a` → `address`, `registrant_email` → `registrant e-mail`. */
export function describeKind(fact: string): string {
  const f = fact.toLowerCase();
  if (f === 'a' || f === 'ip') return 'address';
  if (f === 'ns') return 'name server';
  if (f.includes('email') || f.includes('rname')) return f.replace('_', ' ').replace('email', 'e-mail');
  return f;
}

/**
 * The kinds of the domain's own infrastructure facts, under the kind an actor's known values are
 * counted as ('ip' for addresses and ASes), each with the chance a new domain of an actor reuses one
 * of its known values of that kind. An AS fact counts only when the knowledge knows ASes.
 */
export function infrastructureKinds(k: Knowledge, facts: readonly Fact[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of facts) {
    const kind = factNodeKind(f.fact);
    if (kind === null || (kind === 'asn' && k.asns === undefined)) continue;
    const counted = kind === 'asn' ? 'ip' : kind;
    const reuse = kind === 'ip' || kind === 'asn' ? (REUSE[k.asns === undefined ? 'prefix' : 'asn'] ?? 0.4) : (REUSE[kind] ?? 0.1);
    out.set(counted, Math.max(out.get(counted) ?? 0, reuse));
  }
  return out;
}

/** The weight against an actor sharing none of the domain's infrastructure (0 when it has no known value of those kinds). */
export function absencePenalty(k: Knowledge, kinds: ReadonlyMap<string, number>, id: number): number {
  if (kinds.size === 0) return 0;
  const counts = k.actorCounts.get(id);
  const reuses: number[] = [];
  for (const [kind, r] of kinds) if ((counts?.get(kind) ?? 0) > 0) reuses.push(r);
  return reuses.length === 0 ? 0 : absenceWeight(reuses);
}

const KIND_NAMES: Readonly<Record<string, string>> = { ip: 'addresses', email: 'e-mail addresses', ns: 'name servers', registrar: 'registrars', cert: 'certificates' };

/** The absence penalty as an evidence line, or null when it is 0. */
export function absenceLine(k: Knowledge, kinds: ReadonlyMap<string, number>, id: number): EvidenceLine | null {
  const weight = absencePenalty(k, kinds, id);
  if (weight === 0) return null;
  const counts = k.actorCounts.get(id);
  const known = [...kinds.keys()].filter((kind) => (counts?.get(kind) ?? 0) > 0).map((kind) => `${Math.round(counts?.get(kind) ?? 0)} ${KIND_NAMES[kind] ?? kind}`);
  return {
    group: 'no shared infrastructure',
    fact: `shares none of the domain's infrastructure facts, with ${known.join(' and ')} of its own known`,
    weight,
    source: 'evidence model: a new domain of it would likely reuse some (evidence-model.ts)',
  };
}
