/** Rows of the keyboard layouts whose slips the typo fuzzers imitate, top row first. */
const LAYOUTS: readonly (readonly string[])[] = [
  ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'], // qwerty
  ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'], // azerty
  ['1234567890', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'], // qwertz
];

/**
 * Keys touching a key on a staggered keyboard: left, right, the two above and the two below
 * (each row sits half a key right of the one above it).
 */
function neighboursIn(rows: readonly string[], r: number, c: number): string[] {
  const spots: [number, number][] = [[r, c - 1], [r, c + 1], [r - 1, c], [r - 1, c + 1], [r + 1, c - 1], [r + 1, c]];
  const out: string[] = [];
  for (const [rr, cc] of spots) {
    const k = rows[rr]?.[cc];
    if (k !== undefined) out.push(k);
  }
  return out;
}

function buildAdjacency(): ReadonlyMap<string, string> {
  const sets = new Map<string, Set<string>>();
  for (const rows of LAYOUTS) {
    rows.forEach((row, r) => {
      for (let c = 0; c < row.length; c++) {
        const key = row.charAt(c);
        const set = sets.get(key) ?? new Set<string>();
        for (const n of neighboursIn(rows, r, c)) set.add(n);
        sets.set(key, set);
      }
    });
  }
  const out = new Map<string, string>();
  for (const [k, s] of sets) out.set(k, [...s].sort().join(''));
  return out;
}

/** Key → the keys next to it on a qwerty, azerty or qwertz keyboard, as one string. */
export const ADJACENT: ReadonlyMap<string, string> = buildAdjacency();
