import type { Target } from './target.js';
import { HashMultimap, hashString } from '../index/index.js';

// Hosts come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** What an id filed under a hash stands for: its kind is id >>> shift, and it is read in this order under one key. */
export const EXACT = 0;
export const SKELETON = 1;
export const OWNER = 2;

/**
 * The three lookups each name makes on its label, in one table: hash(label) → the targets with that label (EXACT),
 * hash(skeleton) → the domain targets with that skeleton (SKELETON), and hash(first label of a registrable domain)
 * → the domains brands own or allow (OWNER), which a name checks code by code against its host. Three tables took
 * three Bloom filters and up to three slots, each a likely cache miss at 10,000 brands; here one probe answers
 * all three for the half of labels whose skeleton is the label itself, and two probes for the others.
 *
 * Ids are tagged with their kind in the high bits, so that under one key the table's own order (by id) gives the
 * exact targets first, in id order, then the skeleton targets in id order, then the owned domains.
 */
export class LabelTable {
  private readonly map: HashMultimap;
  /** The pool of tagged ids, walked from start(slot) to end(slot). */
  readonly ids: Uint32Array;
  private readonly shift: number;
  private readonly mask: number;
  private readonly domains: string[] = [];
  private readonly owners: ReadonlySet<number>[] = [];

  constructor(targets: readonly Target[], protectedFor: ReadonlyMap<string, ReadonlySet<number>>) {
    let shift = 1;
    while (2 ** shift <= Math.max(targets.length, protectedFor.size)) shift++;
    this.shift = shift;
    this.mask = 2 ** shift - 1;
    const keys: number[] = [];
    const ids: number[] = [];
    const file = (key: number, kind: number, id: number): void => {
      keys.push(key);
      ids.push(kind * 2 ** shift + id);
    };
    for (const t of targets) {
      file(hashString(t.label), EXACT, t.id);
      if (t.isDomain) file(hashString(t.skeleton), SKELETON, t.id);
    }
    for (const [domain, brands] of protectedFor) {
      const dot = domain.indexOf('.');
      file(hashString(dot < 0 ? domain : domain.slice(0, dot)), OWNER, this.domains.length);
      this.domains.push(domain);
      this.owners.push(brands);
    }
    // Most keys carry several ids (a label, its skeleton, its domains), and every name asks: a small filter over keys.
    // 8 bits a key against 16: top-list names in-process A/B +6% median in two runs (4 bits: -5%).
    this.map = new HashMultimap(keys, ids, true);
    this.ids = this.map.ids;
  }

  /** Bytes held, for the benchmark's memory column. */
  get bytes(): number {
    return this.map.bytes;
  }

  /** The slot holding `hash`, or -1. */
  find(hash: number): number {
    return this.map.find(hash);
  }

  start(slot: number): number {
    return this.map.start(slot);
  }

  end(slot: number): number {
    return this.map.end(slot);
  }

  /** The kind of the tagged id at pool position k. */
  kindAt(k: number): number {
    return (this.ids[k] ?? 0) >>> this.shift;
  }

  /** The target id (or domain number) at pool position k. */
  idAt(k: number): number {
    return (this.ids[k] ?? 0) & this.mask;
  }

  /**
   * The brands owning or allowing host[start, ...), the registrable domain, whose first label hashed to the key of
   * `slot` (-1: none), or undefined. The owners are the slot's last ids.
   */
  ownersOf(slot: number, host: string, start: number): ReadonlySet<number> | undefined {
    if (slot < 0) return undefined;
    const first = this.map.start(slot);
    for (let k = this.map.end(slot) - 1; k >= first && this.kindAt(k) === OWNER; k--) {
      const id = this.idAt(k);
      if (sameText(this.domains[id] ?? '', host, start)) return this.owners[id];
    }
    return undefined;
  }
}

/** Whether domain equals host[start, host.length). */
function sameText(domain: string, host: string, start: number): boolean {
  if (domain.length !== host.length - start) return false;
  for (let i = 0; i < domain.length; i++) if (charCodeAt.call(domain, i) !== charCodeAt.call(host, start + i)) return false;
  return true;
}
