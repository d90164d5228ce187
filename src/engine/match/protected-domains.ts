import { HashMultimap, hashString } from '../index/index.js';

// Hosts come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/**
 * Registrable domain → the brands that own or allow it (BrandIndex.protectedFor), asked of the end of a host with
 * no string built. A Map keyed by the domain hashed each name's fresh slice and then chased its buckets and keys
 * through memory (~10% of the matcher on top-list names that miss). Here the domains are filed under the hash of
 * their first label, which the scanner has already taken for its exact lookup, and a candidate is checked code by
 * code against the host. Nearly every protected domain's label is some target's label too: those are only looked
 * up when the exact lookup found the name's label (~12% of top-list names); the few others (allowlisted domains,
 * labels no target took) sit in a table of their own, asked every time but most often empty.
 */
export class ProtectedDomains {
  private readonly withTargets: DomainTable;
  private readonly others: DomainTable;

  /** `exact`: the index's hash(label) → targets, whose hashes are those of ProtectedDomains' keys. */
  constructor(protectedFor: ReadonlyMap<string, ReadonlySet<number>>, exact: HashMultimap) {
    const withTargets: [string, ReadonlySet<number>, number][] = [];
    const others: [string, ReadonlySet<number>, number][] = [];
    for (const [domain, brands] of protectedFor) {
      const dot = domain.indexOf('.');
      const key = hashString(dot < 0 ? domain : domain.slice(0, dot));
      (exact.find(key) >= 0 ? withTargets : others).push([domain, brands, key]);
    }
    this.withTargets = new DomainTable(withTargets);
    this.others = new DomainTable(others);
  }

  /**
   * protectedFor.get(host.slice(start)), where host[start, ...) is the registrable domain, `labelHash` the hashString
   * of its first label (any other hash finds nothing) and `exactSlot` what exact.find(labelHash) gave.
   */
  get(exactSlot: number, labelHash: number, host: string, start: number): ReadonlySet<number> | undefined {
    // A domain filed with the targets has its label hash in `exact`: a name whose hash is not there is none of them.
    const found = exactSlot < 0 ? undefined : this.withTargets.get(labelHash, host, start);
    return found ?? this.others.get(labelHash, host, start);
  }
}

/** Domains filed under the hash of their first label, checked code by code. */
class DomainTable {
  private readonly table: HashMultimap;
  private readonly domains: string[] = [];
  private readonly brands: ReadonlySet<number>[] = [];

  constructor(entries: readonly (readonly [string, ReadonlySet<number>, number])[]) {
    const keys: number[] = [];
    for (const [domain, brands, key] of entries) {
      keys.push(key);
      this.domains.push(domain);
      this.brands.push(brands);
    }
    this.table = new HashMultimap(keys, Array.from(keys, (_, i) => i));
  }

  get(labelHash: number, host: string, start: number): ReadonlySet<number> | undefined {
    if (this.domains.length === 0) return undefined;
    const table = this.table;
    const slot = table.find(labelHash);
    if (slot < 0) return undefined;
    for (let k = table.start(slot); k < table.end(slot); k++) {
      const id = table.ids[k] ?? 0;
      if (sameText(this.domains[id] ?? '', host, start)) return this.brands[id];
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
