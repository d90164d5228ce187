/**
 * A hash → ids multimap in flat typed arrays (open addressing over keys, ids in one pool),
 * built once and then only read. Lookups allocate nothing: `find` returns a slot, and the caller
 * walks `ids` from `start(slot)` to `end(slot)`.
 */
export class HashMultimap {
  private keys: Uint32Array;
  private used: Uint8Array;
  private starts: Uint32Array;
  private ends: Uint32Array;
  readonly ids: Uint32Array;
  private readonly mask: number;
  /**
   * A one-hash Bloom filter over the keys, about 16 bits a key: most lookups are misses, and this answers them
   * from a bitset small enough for the cache instead of a probe into the table (at 10,000 brands the deletion
   * table is tens of MiB and every probe was a cache miss: 3x slower end to end, measured with bench/match).
   */
  private readonly bloom: Int32Array;
  private readonly bloomShift: number;

  /** Builds from parallel arrays of keys and ids (duplicate key/id pairs are kept once). */
  constructor(keys: ArrayLike<number>, ids: ArrayLike<number>) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < keys.length; i++) pairs.push([(keys[i] ?? 0) >>> 0, (ids[i] ?? 0) >>> 0]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let cap = 16;
    while (cap < pairs.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
    this.used = new Uint8Array(cap);
    this.starts = new Uint32Array(cap);
    this.ends = new Uint32Array(cap);
    const pool: number[] = [];
    for (let i = 0; i < pairs.length; ) {
      const key = pairs[i]?.[0] ?? 0;
      const begin = pool.length;
      let last = -1;
      for (; i < pairs.length && pairs[i]?.[0] === key; i++) {
        const id = pairs[i]?.[1] ?? 0;
        if (id !== last) pool.push(id);
        last = id;
      }
      let slot = key & this.mask;
      while (this.used[slot] === 1) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.keys[slot] = key;
      this.starts[slot] = begin;
      this.ends[slot] = pool.length;
    }
    this.ids = Uint32Array.from(pool);
    let bits = 1 << 10;
    while (bits < pairs.length * 16) bits *= 2;
    this.bloom = new Int32Array(bits >>> 5);
    this.bloomShift = 32 - Math.log2(bits);
    for (const [key] of pairs) {
      const bit = Math.imul(key, 0x9e3779b1) >>> this.bloomShift;
      this.bloom[bit >>> 5] = (this.bloom[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }

  /** The slot holding `key`, or -1. */
  find(key: number): number {
    const bit = Math.imul(key, 0x9e3779b1) >>> this.bloomShift;
    if (((this.bloom[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return -1;
    let slot = key & this.mask;
    while (this.used[slot] === 1) {
      if (this.keys[slot] === key) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  start(slot: number): number {
    return this.starts[slot] ?? 0;
  }

  end(slot: number): number {
    return this.ends[slot] ?? 0;
  }

  /** Bytes held, for the benchmark's memory column. */
  get bytes(): number {
    return this.keys.byteLength * 3 + this.used.byteLength + this.ids.byteLength + this.bloom.byteLength;
  }
}
