/**
 * Actor identity: which names (APT28, Fancy Bear, Sofacy, Pawn Storm, STRONTIUM, G0007…) are one actor.
 *
 * Names are compared after lower-casing and dropping everything but letters and digits ("APT 28",
 * "apt-28" and "APT28" are one name). Records are merged with union-find over shared names, with two
 * guards against the transitive blow-up synonym lists invite:
 * - a name that two records of ONE namespace claim (e.g. "Grizzly Steppe", a synonym of both APT28 and
 *   APT29 in the MISP galaxy) is ambiguous: it merges nothing and resolves to every actor that claims it;
 * - two sets are never merged when each already holds a different record of the same namespace (the
 *   namespace says they are distinct actors); the name that would have merged them becomes ambiguous.
 * Records are merged in namespace priority order (galaxy threat-actor, galaxy MITRE, STIX, MISP events,
 * maltrail, the rest), so the curated lists decide first.
 */
import type { ActorRecord } from './types.js';

export interface ActorIdentity {
  readonly id: number;
  /** The display name: the name given by the highest-priority source. */
  readonly name: string;
  /** Every name of the actor, first spelling kept, display name first. */
  readonly aliases: readonly string[];
  readonly country?: string;
}

export function normaliseActorName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function priority(namespace: string): number {
  if (namespace === 'misp-galaxy:threat-actor') return 0;
  if (namespace.startsWith('misp-galaxy:')) return 1;
  if (namespace.startsWith('stix:')) return 2;
  if (namespace.startsWith('misp-event:')) return 3;
  if (namespace === 'maltrail') return 4;
  return 5;
}

interface Rec {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly names: string[];
  country?: string;
}

export class ActorResolver {
  private readonly parent: number[] = [];
  /** Per set root: namespace → record index, for the cannot-merge guard. */
  private readonly spaces: Map<string, number>[] = [];
  private readonly recs: Rec[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly owner = new Map<string, number>();
  private readonly ambiguous = new Map<string, Set<number>>();
  private identitiesCache: ActorIdentity[] | null = null;
  private rootToId = new Map<number, number>();

  constructor(records: readonly ActorRecord[]) {
    for (const r of [...records].sort((a, b) => priority(a.namespace) - priority(b.namespace))) this.addRecord(r);
    const claims = new Map<string, Set<number>>();
    this.recs.forEach((r, i) => {
      for (const n of new Set(r.names.map(normaliseActorName))) {
        const k = `${r.namespace}\u0000${n}`;
        claims.set(k, (claims.get(k) ?? new Set()).add(i));
      }
    });
    this.recs.forEach((r, i) => {
      for (const n of new Set(r.names.map(normaliseActorName))) {
        if (n === '') continue;
        const claimants = claims.get(`${r.namespace}\u0000${n}`) ?? new Set([i]);
        if (claimants.size > 1) {
          this.markAmbiguous(n, [...claimants]);
          continue;
        }
        const prior = this.owner.get(n);
        if (prior === undefined) this.owner.set(n, i);
        else if (!this.union(prior, i)) this.markAmbiguous(n, [prior, i]);
      }
    });
  }

  private addRecord(r: ActorRecord): void {
    const key = `${r.namespace}\u0000${normaliseActorName(r.name)}`;
    const seen = this.byKey.get(key);
    if (seen !== undefined) {
      this.recs[seen]?.names.push(...r.synonyms);
      return;
    }
    const i = this.recs.length;
    this.recs.push({ key, namespace: r.namespace, name: r.name, names: [r.name, ...r.synonyms], ...(r.country === undefined ? {} : { country: r.country }) });
    this.byKey.set(key, i);
    this.parent.push(i);
    this.spaces.push(new Map([[r.namespace, i]]));
  }

  private markAmbiguous(name: string, recs: number[]): void {
    const set = this.ambiguous.get(name) ?? new Set<number>();
    for (const r of recs) set.add(r);
    this.ambiguous.set(name, set);
  }

  private find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    let c = i;
    while (this.parent[c] !== r) {
      const next = this.parent[c] as number;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }

  private union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const sa = this.spaces[ra] as Map<string, number>;
    const sb = this.spaces[rb] as Map<string, number>;
    for (const [ns, rec] of sb) {
      const other = sa.get(ns);
      if (other !== undefined && other !== rec) return false;
    }
    // the root with the higher-priority (earlier) record stays root, so display names come from it
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    const into = this.spaces[root] as Map<string, number>;
    for (const [ns, rec] of this.spaces[child] as Map<string, number>) into.set(ns, rec);
    return true;
  }

  /** The identity a source's own record stands for (a maltrail file, a STIX intrusion set). */
  bind(namespace: string, name: string): number | undefined {
    const rec = this.byKey.get(`${namespace}\u0000${normaliseActorName(name)}`);
    return rec === undefined ? undefined : this.idOf(rec);
  }

  /** Every identity a label may stand for: none, one, or several when the label is ambiguous. */
  resolve(label: string): number[] {
    const n = normaliseActorName(label);
    const amb = this.ambiguous.get(n);
    const ids = new Set<number>();
    if (amb !== undefined) for (const r of amb) ids.add(this.idOf(r));
    const own = this.owner.get(n);
    if (own !== undefined) ids.add(this.idOf(own));
    return [...ids];
  }

  /** Names that resolve to more than one actor, with the actors. */
  ambiguousNames(): { name: string; actors: string[] }[] {
    return [...this.ambiguous.keys()].map((name) => ({ name, actors: this.resolve(name).map((id) => this.identity(id).name) }));
  }

  identities(): readonly ActorIdentity[] {
    if (this.identitiesCache === null) this.buildIdentities();
    return this.identitiesCache as ActorIdentity[];
  }

  identity(id: number): ActorIdentity {
    const found = this.identities()[id];
    if (found === undefined) throw new Error(`no actor identity ${id}`);
    return found;
  }

  private idOf(rec: number): number {
    if (this.identitiesCache === null) this.buildIdentities();
    return this.rootToId.get(this.find(rec)) as number;
  }

  private buildIdentities(): void {
    const members = new Map<number, number[]>();
    this.recs.forEach((_, i) => {
      const root = this.find(i);
      members.set(root, [...(members.get(root) ?? []), i]);
    });
    const out: ActorIdentity[] = [];
    this.rootToId = new Map();
    for (const [root, recs] of [...members].sort((a, b) => a[0] - b[0])) {
      const head = this.recs[root] as Rec;
      const aliases = new Map<string, string>();
      for (const r of recs) for (const n of (this.recs[r] as Rec).names) if (!aliases.has(normaliseActorName(n))) aliases.set(normaliseActorName(n), n);
      aliases.delete(normaliseActorName(head.name));
      const country = recs.map((r) => this.recs[r]?.country).find((c) => c !== undefined);
      this.rootToId.set(root, out.length);
      out.push({ id: out.length, name: head.name, aliases: [head.name, ...aliases.values()], ...(country === undefined ? {} : { country }) });
    }
    this.identitiesCache = out;
  }
}
