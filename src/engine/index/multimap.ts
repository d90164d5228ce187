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

  /**
   * Builds from parallel arrays of keys and ids (duplicate key/id pairs are kept once). `smallBloom`: about 8 bits
   * a distinct key in the Bloom filter rather than 16 a pair, for a table asked by every name, whose filter must stay
   * in the cache more than it must answer every miss (the label table: 32 KiB, ~12% false positives).
   */
  constructor(keys: ArrayLike<number>, ids: ArrayLike<number>, smallBloom = false) {
    const sorted = sortedPairs(keys, ids);
    const sortedKeys = sorted.keys;
    const sortedIds = sorted.ids;
    const m = sortedKeys.length;
    let distinct = 0;
    for (let i = 0; i < m; i++) if (i === 0 || sortedKeys[i] !== sortedKeys[i - 1]) distinct++;
    let cap = 16;
    while (cap < distinct * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Uint32Array(2 * cap);
    const pool = new Uint32Array(1 + distinct + m);
    let w = 1;
    for (let i = 0; i < m; ) {
      const key = sortedKeys[i] ?? 0;
      const at = w++;
      for (; i < m && sortedKeys[i] === key; i++) pool[w++] = sortedIds[i] ?? 0;
      pool[at] = w - at - 1;
      let slot = key & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = at;
    }
    this.ids = pool;
    const filter = keyBloom(sortedKeys, smallBloom ? distinct / 2 : keys.length);
    this.bloom = filter.bloom;
    this.bloomShift = filter.shift;
  }

  /** The slot holding `key`, or -1. */
  find(key: number): number {
    if (!bloomHas(this.bloom, this.bloomShift, key)) return -1;
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

/**
 * A one-hash Bloom filter over `keys`, at least 16 bits for each of `count` keys: the bitset, and the shift that
 * takes a key's bit from `Math.imul(key, 0x9e3779b1)` (the lookup tests that bit in place, see find).
 */
export function keyBloom(keys: ArrayLike<number>, count: number): { bloom: Int32Array; shift: number } {
  let bits = 1 << 10;
  while (bits < count * 16) bits *= 2;
  const bloom = new Int32Array(bits >>> 5);
  const shift = 32 - Math.log2(bits);
  for (let i = 0; i < keys.length; i++) {
    const bit = Math.imul(keys[i] ?? 0, 0x9e3779b1) >>> shift;
    bloom[bit >>> 5] = (bloom[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  return { bloom, shift };
}

/** Whether `key`'s bit is set in a filter keyBloom built: false means the key was never added. */
export function bloomHas(bloom: Int32Array, shift: number, key: number): boolean {
  const bit = Math.imul(key, 0x9e3779b1) >>> shift;
  return ((bloom[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

/** Largest id packed beside a 32-bit key into one double (53 bits of mantissa). */
const PACKED_ID_BITS = 21;

/**
 * The distinct (key, id) pairs, by key then id. Ids that fit in 21 bits are packed beside their key into one double
 * and sorted by the typed array's own numeric sort: the deletion table's ~1M pairs at 10,000 brands sorted as
 * [key, id] arrays with a comparator took ~40% of the brand compile (~300 ms).
 */
export function sortedPairs(keys: ArrayLike<number>, ids: ArrayLike<number>): { keys: Uint32Array; ids: Uint32Array } {
  const n = keys.length;
  let maxId = 0;
  for (let i = 0; i < n; i++) if ((ids[i] ?? 0) >>> 0 > maxId) maxId = (ids[i] ?? 0) >>> 0;
  const outKeys = new Uint32Array(n);
  const outIds = new Uint32Array(n);
  let w = 0;
  if (maxId < 2 ** PACKED_ID_BITS) {
    const scale = 2 ** PACKED_ID_BITS;
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = ((keys[i] ?? 0) >>> 0) * scale + ((ids[i] ?? 0) >>> 0);
    packed.sort();
    for (let i = 0; i < n; i++) {
      const v = packed[i] ?? 0;
      if (i > 0 && v === packed[i - 1]) continue;
      const key = Math.floor(v / scale);
      outKeys[w] = key;
      outIds[w++] = v - key * scale;
    }
  } else {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => ((keys[a] ?? 0) >>> 0) - ((keys[b] ?? 0) >>> 0) || ((ids[a] ?? 0) >>> 0) - ((ids[b] ?? 0) >>> 0));
    for (let k = 0; k < n; k++) {
      const i = order[k] ?? 0;
      const key = (keys[i] ?? 0) >>> 0;
      const id = (ids[i] ?? 0) >>> 0;
      if (w > 0 && outKeys[w - 1] === key && outIds[w - 1] === id) continue;
      outKeys[w] = key;
      outIds[w++] = id;
    }
  }
  return { keys: outKeys.subarray(0, w), ids: outIds.subarray(0, w) };
}
