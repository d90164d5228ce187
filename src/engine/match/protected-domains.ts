import { HashMultimap, hashString } from '../index/index.js';

// Hosts come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/**
 * Registrable domain → the brands that own or allow it (BrandIndex.protectedFor), asked of the end of a host with
 * no string built. A Map keyed by the domain hashed each name's fresh slice and then chased its buckets and keys
 * through memory (~10% of the matcher on top-list names that miss). Here the domains are filed under the hash of
 * their first label, which the scanner has already taken for its exact lookup: most names are answered by the
 * table's Bloom filter, small enough for the cache, and a candidate is checked code by code against the host.
 */
export class ProtectedDomains {
  private readonly table: HashMultimap;
  private readonly domains: string[] = [];
  private readonly brands: ReadonlySet<number>[] = [];

  constructor(protectedFor: ReadonlyMap<string, ReadonlySet<number>>) {
    const keys: number[] = [];
    for (const [domain, brands] of protectedFor) {
      const dot = domain.indexOf('.');
      keys.push(hashString(dot < 0 ? domain : domain.slice(0, dot)));
      this.domains.push(domain);
      this.brands.push(brands);
    }
    this.table = new HashMultimap(keys, Array.from(keys, (_, i) => i));
  }

  /**
   * protectedFor.get(host.slice(start)), where host[start, ...) is the registrable domain and `labelHash` the
   * hashString of its first label (any other hash finds nothing).
   */
  get(labelHash: number, host: string, start: number): ReadonlySet<number> | undefined {
    const slot = this.table.find(labelHash);
    if (slot < 0) return undefined;
    const table = this.table;
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
