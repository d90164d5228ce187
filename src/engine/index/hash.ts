/**
 * Polynomial hashes of code sequences, modulo 2^32 (Math.imul), computed without building strings.
 * Deletion variants are hashed in O(1) each from prefix hashes, which is what makes the typo index cheap:
 * a 15-letter label has 16 one-deletion variants and none of them is ever materialised.
 * Collisions are possible and harmless: every candidate is verified on the real codes.
 */

export const BASE = 0x01000193;

/** BASE^k for k < POW.length. Host names are at most 253 code units; skeletons can be longer, so keep room. */
export const POW: Uint32Array = (() => {
  const p = new Uint32Array(1024);
  p[0] = 1;
  for (let i = 1; i < p.length; i++) p[i] = Math.imul(p[i - 1] ?? 0, BASE) >>> 0;
  return p;
})();

/** Mixes the length in, so that sequences of different lengths rarely share a hash. */
export function finish(h: number, len: number): number {
  let x = (h ^ Math.imul(len, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Hash of codes[start, end), skipping nothing. */
export function hashRange(codes: ArrayLike<number>, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, BASE) + (codes[i] ?? 0)) >>> 0;
  return finish(h, end - start);
}

export function hashString(s: string): number {
  return hashText(s, 0, s.length);
}

// Texts come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** Hash of s[start, end), equal to hashString of that slice, without slicing. */
export function hashText(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, BASE) + charCodeAt.call(s, i)) >>> 0;
  return finish(h, end - start);
}

/**
 * Prefix hashes of one sequence, reused across calls: pre[i] is the raw (unfinished) hash of codes[start, start+i).
 * From them, the hash of the sequence with one or two positions removed costs a few multiplications.
 */
export class PrefixHashes {
  private pre = new Uint32Array(256);
  private n = 0;

  load(codes: ArrayLike<number>, start: number, end: number): void {
    const n = end - start;
    if (n + 1 > this.pre.length) this.pre = new Uint32Array(2 * (n + 1));
    this.n = n;
    const pre = this.pre;
    pre[0] = 0;
    for (let i = 0; i < n; i++) pre[i + 1] = (Math.imul(pre[i] ?? 0, BASE) + (codes[start + i] ?? 0)) >>> 0;
  }

  get length(): number {
    return this.n;
  }

  /** Raw hash of [a, b) within the loaded sequence. */
  private range(a: number, b: number): number {
    return ((this.pre[b] ?? 0) - Math.imul(this.pre[a] ?? 0, POW[b - a] ?? 0)) >>> 0;
  }

  whole(): number {
    return finish(this.pre[this.n] ?? 0, this.n);
  }

  /** Hash of the sequence without position i. */
  without(i: number): number {
    const left = this.pre[i] ?? 0;
    const right = this.range(i + 1, this.n);
    const h = (Math.imul(left, POW[this.n - 1 - i] ?? 0) + right) >>> 0;
    return finish(h, this.n - 1);
  }

  /** Hash of the sequence without positions i < j. */
  without2(i: number, j: number): number {
    const left = this.pre[i] ?? 0;
    const mid = this.range(i + 1, j);
    const right = this.range(j + 1, this.n);
    let h = (Math.imul(left, POW[j - i - 1] ?? 0) + mid) >>> 0;
    h = (Math.imul(h, POW[this.n - 1 - j] ?? 0) + right) >>> 0;
    return finish(h, this.n - 2);
  }
}
