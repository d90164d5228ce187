/** Keys next to each other on QWERTY, AZERTY and QWERTZ: a slip of the finger, not a deliberate change. */
const ROWS: readonly (readonly string[])[] = [
  ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
  ['1234567890', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
];

const ADJACENT: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const link = (a: string | undefined, b: string | undefined): void => {
    if (a === undefined || b === undefined) return;
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)?.add(b);
  };
  for (const layout of ROWS) {
    layout.forEach((row, r) => {
      for (let c = 0; c < row.length; c++) {
        const k = row[c];
        link(k, row[c - 1]);
        link(k, row[c + 1]);
        // The rows are staggered: a key touches the one above-right and the one below-left.
        link(k, layout[r - 1]?.[c]);
        link(k, layout[r - 1]?.[c + 1]);
        link(k, layout[r + 1]?.[c]);
        link(k, layout[r + 1]?.[c - 1]);
      }
    });
  }
  return map;
})();

export function adjacentKeys(a: string, b: string): boolean {
  return ADJACENT.get(a)?.has(b) ?? false;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

export function isVowel(c: string): boolean {
  return VOWELS.has(c);
}
