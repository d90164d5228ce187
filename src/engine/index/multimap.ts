/**
 * A hash → ids multimap in flat typed arrays (open addressing over keys, ids in one pool),
 * built once and then only read. Lookups allocate nothing: `find` returns a slot, and the caller
 * walks `ids` from `start(slot)` to `end(slot)`.
 *
 * Layout, for the cache: a slot is two words side by side, the key and where its ids sit in the pool, and
 * the pool holds each key's count just before its ids. A lookup that finds its key touches the Bloom
 * filter, one slot and one run of the pool: three cache lines, where four parallel arrays took six.
 */
export class HashMultimap {
  /** slots[2s] = key, slots[2s + 1] = position of the key's count in `ids` (0: empty slot). */
  private readonly slots: Uint32Array;
  /** The pool: at each key's position its count, then its ids. ids[0] is unused, so that 0 marks an empty slot. */
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
    let distinct = 0;
    for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i]?.[0] !== pairs[i - 1]?.[0]) distinct++;
    let cap = 16;
    while (cap < distinct * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Uint32Array(2 * cap);
    const pool: number[] = [0];
    for (let i = 0; i < pairs.length; ) {
      const key = pairs[i]?.[0] ?? 0;
      const at = pool.length;
      pool.push(0);
      let last = -1;
      for (; i < pairs.length && pairs[i]?.[0] === key; i++) {
        const id = pairs[i]?.[1] ?? 0;
        if (id !== last) pool.push(id);
        last = id;
      }
      pool[at] = pool.length - at - 1;
      let slot = key & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = at;
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
    const slots = this.slots;
    let slot = key & this.mask;
    while (slots[2 * slot + 1] !== 0) {
      if (slots[2 * slot] === key >>> 0) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  start(slot: number): number {
    return (this.slots[2 * slot + 1] ?? 0) + 1;
  }

  end(slot: number): number {
    const at = this.slots[2 * slot + 1] ?? 0;
    return at + 1 + (this.ids[at] ?? 0);
  }

  /** Bytes held, for the benchmark's memory column. */
  get bytes(): number {
    return this.slots.byteLength + this.ids.byteLength + this.bloom.byteLength;
  }
}
