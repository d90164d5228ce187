import { endsSide as side, type EndsFilter } from './ends-filter.js';

/** Per end case, the three kept positions counted from that end: case 0 deletes nothing there, 1-3 delete 0, 1 or 2, 4-9 a pair in [0, 4). */
const KEPT = Uint8Array.from([0, 1, 2, 1, 2, 3, 0, 2, 3, 0, 1, 3, 2, 3, 4, 1, 3, 4, 1, 2, 4, 0, 3, 4, 0, 2, 4, 0, 1, 4]);
/** PAIR_CASE[i * 4 + j]: the case of deleting i < j, both within [0, 4) and i < 3. */
const PAIR_CASE = Int8Array.from([-1, 4, 5, 6, -1, -1, 7, 8, -1, -1, -1, 9]);

/** The case of one end when positions i < j, counted from that end, are deleted. */
function caseOf(i: number, j: number): number {
  if (i >= 3) return 0;
  if (j >= 4) return 1 + i;
  return PAIR_CASE[i * 4 + j] ?? 0;
}

/** For one label length: the distinct (left case, right case) pairs of ends, and the deletion pairs of each, grouped. */
interface Plan {
  readonly left: Uint8Array;
  readonly right: Uint8Array;
  /** The pairs of ends e are pairs[2 * first[e], 2 * first[e + 1]): i then j. */
  readonly first: Uint16Array;
  readonly pairs: Uint8Array;
}

function planFor(n: number): Plan {
  const byEnds = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const key = caseOf(i, j) * 10 + caseOf(n - 1 - j, n - 1 - i);
      const list = byEnds.get(key) ?? [];
      list.push(i, j);
      byEnds.set(key, list);
    }
  }
  const keys = [...byEnds.keys()];
  const first = new Uint16Array(keys.length + 1);
  const pairs: number[] = [];
  keys.forEach((key, e) => {
    first[e] = pairs.length / 2;
    pairs.push(...(byEnds.get(key) ?? []));
  });
  first[keys.length] = pairs.length / 2;
  return { left: Uint8Array.from(keys, (k) => Math.floor(k / 10)), right: Uint8Array.from(keys, (k) => k % 10), first, pairs: Uint8Array.from(pairs) };
}

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
  private readonly head = new Uint16Array(5);
  private readonly tail = new Uint16Array(5);
  private readonly left = new Int32Array(10);
  private readonly right = new Int32Array(10);
  /** The positions let through by the last collectSingles. */
  readonly singles = new Uint8Array(64);
  private n = 0;

  constructor(private readonly filter: EndsFilter) {}

  /** Loads codes[0, n). */
  load(codes: ArrayLike<number>, n: number): void {
    this.n = n;
    // The five units at each end, 0 past the label as in EndsFilter (a short label's kept units run off it).
    const head = this.head;
    const tail = this.tail;
    for (let p = 0; p < 5; p++) {
      head[p] = p < n ? (codes[p] ?? 0) : 0;
      tail[p] = p < n ? (codes[n - 1 - p] ?? 0) : 0;
    }
    // Locals, not fields: V8 reloads a field and its backing store at every use once the loop writes a typed array.
    const left = this.left;
    const right = this.right;
    for (let c = 0; c < 10; c++) {
      const p0 = KEPT[3 * c] ?? 0;
      const p1 = KEPT[3 * c + 1] ?? 0;
      const p2 = KEPT[3 * c + 2] ?? 0;
      left[c] = side(head[p0] ?? 0, head[p1] ?? 0, head[p2] ?? 0);
      right[c] = side(tail[p2] ?? 0, tail[p1] ?? 0, tail[p0] ?? 0);
    }
  }

  /** Whether the loaded label itself may be in the filter. */
  whole(): boolean {
    return this.filter.hasSides(this.n, this.left[0] ?? 0, this.right[0] ?? 0);
  }

  /** Collects the positions i whose one-deletion variant may be in the filter, in order; returns how many (see singles). */
  collectSingles(): number {
    const n = this.n;
    const len = n - 1;
    const filter = this.filter;
    const left = this.left;
    const right = this.right;
    const out = this.singles;
    // Deleting a unit at least three from either end leaves both ends as they are: one answer for all of them.
    let middle = -1;
    let w = 0;
    for (let i = 0; i < n; i++) {
      const l = i < 3 ? 1 + i : 0;
      const r = n - 1 - i < 3 ? n - i : 0;
      let pass: boolean;
      if (l === 0 && r === 0) {
        if (middle < 0) middle = filter.hasSides(len, left[0] ?? 0, right[0] ?? 0) ? 1 : 0;
        pass = middle === 1;
      } else {
        pass = filter.hasSides(len, left[l] ?? 0, right[r] ?? 0);
      }
      if (pass) out[w++] = i;
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
    const left = this.left;
    const right = this.right;
    const len = n - 2;
    const filter = this.filter;
    const caseLeft = plan.left;
    const caseRight = plan.right;
    const first = plan.first;
    const from = plan.pairs;
    const pairs = this.pairs;
    let w = 0;
    for (let e = 0; e < caseLeft.length; e++) {
      if (!filter.hasSides(len, left[caseLeft[e] ?? 0] ?? 0, right[caseRight[e] ?? 0] ?? 0)) continue;
      for (let k = 2 * (first[e] ?? 0); k < 2 * (first[e + 1] ?? 0); k++) pairs[w++] = from[k] ?? 0;
    }
    return w / 2;
  }
}
