import { ENDS_BASE as B, type EndsFilter } from './ends-filter.js';
import { LONG, planFor, type Plan } from './deletion-plan.js';

const B2 = Math.imul(B, B);

/**
 * Which deletion variants of one label (itself, without one unit, without two) the ends filter lets through.
 * The first three units left after deleting i < j depend only on which of i, j fall in [0, 4) — ten cases —
 * and the last three likewise, mirrored: a 12-letter label has 66 two-deletion variants but at most 28 distinct
 * pairs of ends, and 12 one-deletion variants with at most 7. Each end is hashed once per label and each pair of
 * ends asked once, from a bitset small enough to stay in cache; most variants then need no hash and no probe
 * of the deletion table (the per-variant loop was ~900 ns a label at 10,000 brands, and each probe a cache miss).
 */
export class DeletionEnds {
  /** The pairs let through by the last collect: i at 2k, j at 2k + 1, grouped by their ends. */
  readonly pairs = new Uint8Array(2 * 32 * 63);
  private readonly plans: (Plan | undefined)[] = [];
  private readonly left = new Int32Array(10);
  private readonly right = new Int32Array(10);
  /** rightMix of each right end: 0-3 (all a label's one-deletion variants need) in load, 4-9 in collect. */
  private readonly rightMixes = new Int32Array(10);
  private readonly leftKeys = new Int32Array(10);
  /** The positions let through by the last collectSingles. */
  readonly singles = new Uint8Array(64);
  private n = 0;
  /** The loaded label: loadPairs reads its ends again. */
  private codes: ArrayLike<number> = [];
  private start = 0;

  constructor(private readonly filter: EndsFilter) {}

  /** Loads codes[start, start + n). */
  load(codes: ArrayLike<number>, start: number, n: number): void {
    this.n = n;
    this.codes = codes;
    this.start = start;
    const s = start;
    const e = start + n;
    // The four units at each end, 0 past the label as in EndsFilter (a short label's kept units run off it).
    const h0 = n > 0 ? (codes[s] ?? 0) : 0;
    const h1 = n > 1 ? (codes[s + 1] ?? 0) : 0;
    const h2 = n > 2 ? (codes[s + 2] ?? 0) : 0;
    const h3 = n > 3 ? (codes[s + 3] ?? 0) : 0;
    const t0 = n > 0 ? (codes[e - 1] ?? 0) : 0;
    const t1 = n > 1 ? (codes[e - 2] ?? 0) : 0;
    const t2 = n > 2 ? (codes[e - 3] ?? 0) : 0;
    const t3 = n > 3 ? (codes[e - 4] ?? 0) : 0;
    // endsSide(a, b, c) is a·B² + b·B + c (mod 2^32): each unit is multiplied once per place, and the ten cases of
    // each end (listed at the top of this file) are sums. Unrolled, the twenty sides cost ~20 multiplications instead of 40 and
    // no table reads (the loop over KEPT was ~100 ns a label). Cases 0-3 (the label and its one-deletion variants) here,
    // 4-9 in loadPairs, for the third of labels that ask for two deletions (load on top-list labels 40 -> 33 ns).
    const a0 = Math.imul(h0, B2);
    const a1 = Math.imul(h1, B2);
    const b1 = Math.imul(h1, B);
    const b2 = Math.imul(h2, B);
    const left = this.left;
    left[0] = (a0 + b1 + h2) | 0;
    left[1] = (a1 + b2 + h3) | 0;
    left[2] = (a0 + b2 + h3) | 0;
    left[3] = (a0 + b1 + h3) | 0;
    // Mirrored: the right side of case c reads tail[p2], tail[p1], tail[p0] in that order.
    const x2 = Math.imul(t2, B2);
    const x3 = Math.imul(t3, B2);
    const y1 = Math.imul(t1, B);
    const y2 = Math.imul(t2, B);
    const right = this.right;
    right[0] = (x2 + y1 + t0) | 0;
    right[1] = (x3 + y2 + t1) | 0;
    right[2] = (x3 + y2 + t0) | 0;
    right[3] = (x3 + y1 + t0) | 0;
    const mixes = this.rightMixes;
    const filter = this.filter;
    for (let c = 0; c < 4; c++) mixes[c] = filter.rightMix(right[c] ?? 0);
  }

  /** Sides of cases 4-9 (a pair deleted within one end's first four units) of the loaded label, for collect. */
  private loadPairs(): void {
    const codes = this.codes;
    const n = this.n;
    const s = this.start;
    const e = s + n;
    const h0 = n > 0 ? (codes[s] ?? 0) : 0;
    const h1 = n > 1 ? (codes[s + 1] ?? 0) : 0;
    const h2 = n > 2 ? (codes[s + 2] ?? 0) : 0;
    const h3 = n > 3 ? (codes[s + 3] ?? 0) : 0;
    const h4 = n > 4 ? (codes[s + 4] ?? 0) : 0;
    const t0 = n > 0 ? (codes[e - 1] ?? 0) : 0;
    const t1 = n > 1 ? (codes[e - 2] ?? 0) : 0;
    const t2 = n > 2 ? (codes[e - 3] ?? 0) : 0;
    const t3 = n > 3 ? (codes[e - 4] ?? 0) : 0;
    const t4 = n > 4 ? (codes[e - 5] ?? 0) : 0;
    const a0 = Math.imul(h0, B2);
    const a1 = Math.imul(h1, B2);
    const a2 = Math.imul(h2, B2);
    const b1 = Math.imul(h1, B);
    const b2 = Math.imul(h2, B);
    const b3 = Math.imul(h3, B);
    const left = this.left;
    left[4] = (a2 + b3 + h4) | 0;
    left[5] = (a1 + b3 + h4) | 0;
    left[6] = (a1 + b2 + h4) | 0;
    left[7] = (a0 + b3 + h4) | 0;
    left[8] = (a0 + b2 + h4) | 0;
    left[9] = (a0 + b1 + h4) | 0;
    const x4 = Math.imul(t4, B2);
    const y1 = Math.imul(t1, B);
    const y2 = Math.imul(t2, B);
    const y3 = Math.imul(t3, B);
    const right = this.right;
    right[4] = (x4 + y3 + t2) | 0;
    right[5] = (x4 + y3 + t1) | 0;
    right[6] = (x4 + y2 + t1) | 0;
    right[7] = (x4 + y3 + t0) | 0;
    right[8] = (x4 + y2 + t0) | 0;
    right[9] = (x4 + y1 + t0) | 0;
  }

  /** Whether the loaded label itself may be in the filter. */
  whole(): boolean {
    return this.filter.hasMixed(this.filter.leftKey(this.n, this.left[0] ?? 0), this.rightMixes[0] ?? 0);
  }

  /** Collects the positions i whose one-deletion variant may be in the filter, in order; returns how many (see singles). */
  collectSingles(): number {
    const n = this.n;
    const filter = this.filter;
    const left = this.left;
    const mixes = this.rightMixes;
    const out = this.singles;
    if (n < 6) return this.collectShortSingles();
    // Deleting one of the first three units keeps the last three, and the other way round; deleting any other unit
    // keeps both ends: seven answers (one for the whole middle), asked with one left key each.
    const key0 = filter.leftKey(n - 1, left[0] ?? 0);
    const mix0 = mixes[0] ?? 0;
    let w = 0;
    for (let i = 0; i < 3; i++) if (filter.hasMixed(filter.leftKey(n - 1, left[1 + i] ?? 0), mix0)) out[w++] = i;
    if (filter.hasMixed(key0, mix0)) for (let i = 3; i < n - 3; i++) out[w++] = i;
    for (let i = n - 3; i < n; i++) if (filter.hasMixed(key0, mixes[n - i] ?? 0)) out[w++] = i;
    return w;
  }

  /** collectSingles for a label under six units, whose first and last three overlap. */
  private collectShortSingles(): number {
    const n = this.n;
    const filter = this.filter;
    const mixes = this.rightMixes;
    const out = this.singles;
    let w = 0;
    for (let i = 0; i < n; i++) {
      const l = i < 3 ? 1 + i : 0;
      const r = n - 1 - i < 3 ? n - i : 0;
      if (filter.hasMixed(filter.leftKey(n - 1, this.left[l] ?? 0), mixes[r] ?? 0)) out[w++] = i;
    }
    return w;
  }

  /** Collects the pairs i < j whose variant may be in the filter; returns how many (see pairs). */
  collect(): number {
    const n = this.n;
    let plan = this.plans[n];
    if (plan === undefined) {
      plan = planFor(n);
      this.plans[n] = plan;
    }
    this.loadPairs();
    const len = n - 2;
    const filter = this.filter;
    // Up to 28 pairs of ends share ten left ends and ten right ends: each is keyed once.
    const keys = this.leftKeys;
    for (let c = 0; c < 10; c++) keys[c] = filter.leftKey(len, this.left[c] ?? 0);
    const mixes = this.rightMixes;
    for (let c = 4; c < 10; c++) mixes[c] = filter.rightMix(this.right[c] ?? 0);
    const all = n >= LONG ? this.longMask() : filter.passMask(keys, mixes, plan.left, plan.right);
    const first = plan.first;
    const from = plan.pairs;
    const pairs = this.pairs;
    let w = 0;
    // The pairs of ends that pass, in order (the order of pairs sets the order of a hit's reasons).
    for (let mask = all; mask !== 0; mask &= mask - 1) {
      const e = 31 - Math.clz32(mask & -mask);
      for (let k = 2 * (first[e] ?? 0); k < 2 * (first[e + 1] ?? 0); k++) pairs[w++] = from[k] ?? 0;
    }
    return w / 2;
  }

  /**
   * passMask for a label of LONG units or more, whose 28 pairs of ends come in one order (LONG_ORDER, planFor's):
   * unrolled, each key, line and mix read once into a local and no case table read: load + whole + collectSingles +
   * collect on the top-list labels that ask for pairs ~362 -> ~320 ns a label (the loop over the plan: ~362 -> ~350).
   */
  private longMask(): number {
    const f = this.filter;
    const keys = this.leftKeys;
    const mixes = this.rightMixes;
    const k0 = keys[0] ?? 0;
    const k1 = keys[1] ?? 0;
    const k2 = keys[2] ?? 0;
    const k3 = keys[3] ?? 0;
    const k4 = keys[4] ?? 0;
    const k5 = keys[5] ?? 0;
    const k6 = keys[6] ?? 0;
    const k7 = keys[7] ?? 0;
    const k8 = keys[8] ?? 0;
    const k9 = keys[9] ?? 0;
    const l0 = f.lineOf(k0);
    const l1 = f.lineOf(k1);
    const l2 = f.lineOf(k2);
    const l3 = f.lineOf(k3);
    const l4 = f.lineOf(k4);
    const l5 = f.lineOf(k5);
    const l6 = f.lineOf(k6);
    const l7 = f.lineOf(k7);
    const l8 = f.lineOf(k8);
    const l9 = f.lineOf(k9);
    const m0 = mixes[0] ?? 0;
    const m1 = mixes[1] ?? 0;
    const m2 = mixes[2] ?? 0;
    const m3 = mixes[3] ?? 0;
    const m4 = mixes[4] ?? 0;
    const m5 = mixes[5] ?? 0;
    const m6 = mixes[6] ?? 0;
    const m7 = mixes[7] ?? 0;
    const m8 = mixes[8] ?? 0;
    const m9 = mixes[9] ?? 0;
    return (
      (f.inLine(l4, k4 ^ m0)) |
      (f.inLine(l5, k5 ^ m0) << 1) |
      (f.inLine(l6, k6 ^ m0) << 2) |
      (f.inLine(l1, k1 ^ m0) << 3) |
      (f.inLine(l1, k1 ^ m3) << 4) |
      (f.inLine(l1, k1 ^ m2) << 5) |
      (f.inLine(l1, k1 ^ m1) << 6) |
      (f.inLine(l7, k7 ^ m0) << 7) |
      (f.inLine(l8, k8 ^ m0) << 8) |
      (f.inLine(l2, k2 ^ m0) << 9) |
      (f.inLine(l2, k2 ^ m3) << 10) |
      (f.inLine(l2, k2 ^ m2) << 11) |
      (f.inLine(l2, k2 ^ m1) << 12) |
      (f.inLine(l9, k9 ^ m0) << 13) |
      (f.inLine(l3, k3 ^ m0) << 14) |
      (f.inLine(l3, k3 ^ m3) << 15) |
      (f.inLine(l3, k3 ^ m2) << 16) |
      (f.inLine(l3, k3 ^ m1) << 17) |
      (f.inLine(l0, k0 ^ m0) << 18) |
      (f.inLine(l0, k0 ^ m3) << 19) |
      (f.inLine(l0, k0 ^ m2) << 20) |
      (f.inLine(l0, k0 ^ m1) << 21) |
      (f.inLine(l0, k0 ^ m9) << 22) |
      (f.inLine(l0, k0 ^ m8) << 23) |
      (f.inLine(l0, k0 ^ m6) << 24) |
      (f.inLine(l0, k0 ^ m7) << 25) |
      (f.inLine(l0, k0 ^ m5) << 26) |
      (f.inLine(l0, k0 ^ m4) << 27)
    );
  }
}
