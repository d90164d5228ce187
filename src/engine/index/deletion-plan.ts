/*
 * For each label length, the plan DeletionEnds follows: its deletion pairs grouped by the pair of ends (the first
 * and last three units left) they leave, so that each pair of ends is hashed and asked of the filter once.
 *
 * The ten cases of one end, as the three positions kept, counted from that end: case 0 deletes nothing there
 * (0 1 2), cases 1-3 delete 0, 1 or 2 (1 2 3, 0 2 3, 0 1 3), cases 4-9 a pair within [0, 4) (2 3 4, 1 3 4, 1 2 4,
 * 0 3 4, 0 2 4, 0 1 4). DeletionEnds.load writes them out.
 */
/** PAIR_CASE[i * 4 + j]: the case of deleting i < j, both within [0, 4) and i < 3. */
const PAIR_CASE = Int8Array.from([-1, 4, 5, 6, -1, -1, 7, 8, -1, -1, -1, 9]);

/** The case of one end when positions i < j, counted from that end, are deleted. */
function caseOf(i: number, j: number): number {
  if (i >= 3) return 0;
  if (j >= 4) return 1 + i;
  return PAIR_CASE[i * 4 + j] ?? 0;
}

/** From this length on, every label has the same 28 pairs of ends, in this order (left case, right case): DeletionEnds.longMask. */
export const LONG = 8;
export const LONG_ORDER = '40 50 60 10 13 12 11 70 80 20 23 22 21 90 30 33 32 31 00 03 02 01 09 08 06 07 05 04';

/** For one label length: the distinct (left case, right case) pairs of ends, and the deletion pairs of each, grouped. */
export interface Plan {
  readonly left: Uint8Array;
  readonly right: Uint8Array;
  /** The pairs of ends e are pairs[2 * first[e], 2 * first[e + 1]): i then j. */
  readonly first: Uint16Array;
  readonly pairs: Uint8Array;
}

export function planFor(n: number): Plan {
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
  // DeletionEnds.collect asks for the pairs of ends as one 32-bit mask.
  if (keys.length > 32) throw new Error(`deletion ends: ${keys.length} pairs of ends for length ${n}`);
  return { left: Uint8Array.from(keys, (k) => Math.floor(k / 10)), right: Uint8Array.from(keys, (k) => k % 10), first, pairs: Uint8Array.from(pairs) };
}
