/** The multiplier of endsSide: a side is a·B² + b·B + c (mod 2^32), which DeletionEnds computes term by term. */
export const ENDS_BASE = 0x01000193;

/**
 * One end of a string, three code units (a unit past either end counts as 0), hashed: the bit of a string
 * is a mix of its length and its two ends, so a caller asking about many variants that share an end hashes
 * that end once (see DeletionEnds).
 */
export function endsSide(a: number, b: number, c: number): number {
  let h = Math.imul(a, ENDS_BASE) + b;
  h = Math.imul(h, ENDS_BASE) + c;
  return h | 0;
}

/** Bits a line: one 64-byte cache line. */
const LINE_LOG2 = 9;
const LINE_MASK = (1 << LINE_LOG2) - 1;

/**
 * A bitset over the ends of strings: a string's length, its first three and its last three code units. Two
 * equal strings have equal ends, so a string whose ends are not in the set is none of the strings the filter
 * was built from. The matcher builds one over every deletion variant of the brand labels and asks it before
 * hashing each deletion variant of a name's label: the variants of one label mostly share their ends, the
 * bitset is small enough to stay in cache, and most variants are answered without a hash or a table probe.
 */
export class EndsFilter {
  private readonly bits: Int32Array;
  /** A left key's top bits pick its line: 32 - log2(lines). */
  private readonly lineShift: number;

  /**
   * `keys`: about how many strings will be added (many share their ends). The bitset gets 8 bits a key, at least
   * 2^12 bits: 512 KiB at 10,000 brands. At 4 bits (one a string, anywhere) the deletion table was probed 3.4 times
   * a name instead of 2.1 (the same 0.4-0.6 found), and top-list names ran ~6% slower end to end.
   */
  constructor(keys: number) {
    let log2 = 12;
    while (log2 < 24 && 2 ** log2 < keys * 8) log2++;
    this.bits = new Int32Array(2 ** (log2 - 5));
    this.lineShift = 32 - (log2 - LINE_LOG2);
  }

  /**
   * The part of a string's bits that depends on its length and left end alone (which line, and how places in it
   * are shuffled): a caller asking about many right ends beside one left end works it out once and asks hasMixed.
   */
  leftKey(len: number, left: number): number {
    let h = Math.imul(Math.imul(len, 0x9e3779b1) ^ left, 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return h ^ (h >>> 16);
  }

  /** The part of a string's bits that depends on its right end alone: a label's right ends are mixed once for all its variants. */
  rightMix(right: number): number {
    let h = Math.imul(right ^ (right >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0x2c1b3c6d);
    return h ^ (h >>> 16);
  }

  /** Whether a string of `len` units with these ends (endsSide of its first and of its last three units) may have been added. */
  hasSides(len: number, left: number, right: number): boolean {
    return this.hasMixed(this.leftKey(len, left), this.rightMix(right));
  }

  /**
   * hasSides, from leftKey and rightMix. A string sets two bits of one 64-byte line: the line from the left key's top
   * bits, the two places in it from both keys. The strings sharing a length and a left end share a line, so the up to
   * 28 pairs of ends of a label's two-deletion variants read at most 10 lines (one per left end), and the second bit,
   * in the same line, refuses most of what the first lets through: the deletion table was probed 1.2 times a top-list
   * name instead of 1.9 (one bit a string, anywhere), for the same bytes.
   */
  hasMixed(leftKey: number, rightMix: number): boolean {
    const line = (leftKey >>> this.lineShift) << (LINE_LOG2 - 5);
    const h = leftKey ^ rightMix;
    const a = h & LINE_MASK;
    const b = (h >>> LINE_LOG2) & LINE_MASK;
    const bits = this.bits;
    return (((bits[line | (a >>> 5)] ?? 0) >>> (a & 31)) & ((bits[line | (b >>> 5)] ?? 0) >>> (b & 31)) & 1) !== 0;
  }

  /**
   * hasMixed of up to 32 (left key, right mix) pairs at once, pair e being (leftKeys[lefts[e]], rightMixes[rights[e]]):
   * bit e of the answer is set when it may have been added. No branch depends on a bit read, and the caller's loop
   * over what passed is skipped when nothing does (most labels).
   */
  passMask(leftKeys: Int32Array, rightMixes: Int32Array, lefts: Uint8Array, rights: Uint8Array): number {
    let mask = 0;
    for (let e = 0; e < lefts.length; e++) {
      const leftKey = leftKeys[lefts[e] ?? 0] ?? 0;
      mask |= this.inLine(this.lineOf(leftKey), leftKey ^ (rightMixes[rights[e] ?? 0] ?? 0)) << e;
    }
    return mask;
  }

  /** The line of a left key's strings: for inLine, when a caller asks about many right ends beside one left end. */
  lineOf(leftKey: number): number {
    return (leftKey >>> this.lineShift) << (LINE_LOG2 - 5);
  }

  /** 1 when both bits of h (leftKey ^ rightMix) are set in the line of leftKey (lineOf), else 0: hasMixed, split. */
  inLine(line: number, h: number): number {
    const a = h & LINE_MASK;
    const b = (h >>> LINE_LOG2) & LINE_MASK;
    return ((this.bits[line | (a >>> 5)] ?? 0) >>> (a & 31)) & ((this.bits[line | (b >>> 5)] ?? 0) >>> (b & 31)) & 1;
  }

  /** Whether a string of `len` units starting a, b, c and ending x, y, z may have been added. */
  has(len: number, a: number, b: number, c: number, x: number, y: number, z: number): boolean {
    return this.hasSides(len, endsSide(a, b, c), endsSide(x, y, z));
  }

  /** Adds codes[0, n) with positions i and j deleted (i < j; -1 for none: `addVariant(c, n, -1, -1)` adds the whole). */
  addVariant(codes: ArrayLike<number>, n: number, i: number, j: number): void {
    const len = n - (i >= 0 ? 1 : 0) - (j >= 0 ? 1 : 0);
    const leftKey = this.leftKey(len, variantLeft(codes, n, i, j));
    const line = (leftKey >>> this.lineShift) << (LINE_LOG2 - 5);
    const h = leftKey ^ this.rightMix(variantRight(codes, n, i, j));
    this.set(line, h & LINE_MASK);
    this.set(line, (h >>> LINE_LOG2) & LINE_MASK);
  }

  private set(line: number, bit: number): void {
    this.bits[line | (bit >>> 5)] = (this.bits[line | (bit >>> 5)] ?? 0) | (1 << (bit & 31));
  }

  /** Whether codes[0, n) with positions i and j deleted (i < j, or -1) may have been added. */
  hasVariant(codes: ArrayLike<number>, n: number, i: number, j: number): boolean {
    const len = n - (i >= 0 ? 1 : 0) - (j >= 0 ? 1 : 0);
    return this.hasSides(len, variantLeft(codes, n, i, j), variantRight(codes, n, i, j));
  }

  get bytes(): number {
    return this.bits.byteLength;
  }
}

/** endsSide of the first three units of codes[0, n) with positions i < j (or -1) deleted. */
function variantLeft(codes: ArrayLike<number>, n: number, i: number, j: number): number {
  const p0 = kept(0, 1, i, j);
  const p1 = kept(p0 + 1, 1, i, j);
  const p2 = kept(p1 + 1, 1, i, j);
  return endsSide(at(codes, p0, n), at(codes, p1, n), at(codes, p2, n));
}

/** endsSide of the last three units of codes[0, n) with positions i < j (or -1) deleted. */
function variantRight(codes: ArrayLike<number>, n: number, i: number, j: number): number {
  const q0 = kept(n - 1, -1, i, j);
  const q1 = kept(q0 - 1, -1, i, j);
  const q2 = kept(q1 - 1, -1, i, j);
  return endsSide(at(codes, q2, n), at(codes, q1, n), at(codes, q0, n));
}

function at(codes: ArrayLike<number>, p: number, n: number): number {
  return p >= 0 && p < n ? (codes[p] ?? 0) : 0;
}

/** The first position from `p`, walking by `step`, that is neither i nor j (i < j are met in order, so one check each is enough). */
function kept(p: number, step: number, i: number, j: number): number {
  if (step > 0) {
    if (p === i) p++;
    if (p === j) p++;
  } else {
    if (p === j) p--;
    if (p === i) p--;
  }
  return p;
}
