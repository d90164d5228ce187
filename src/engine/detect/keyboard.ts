/** Keys next to each other on QWERTY, AZERTY and QWERTZ: a slip of the finger, not a deliberate change. */
const ROWS: readonly (readonly string[])[] = [
  ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
  ['1234567890', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
];

/**
 * NEAR[a * 128 + b] = 1: the ASCII keys a and b touch on one of the layouts. A table read instead of a Map and a Set
 * lookup by one-letter strings: the description of every typo found asks it two or three times.
 */
const NEAR: Uint8Array = (() => {
  const near = new Uint8Array(128 * 128);
  const link = (a: string | undefined, b: string | undefined): void => {
    if (a === undefined || b === undefined) return;
    near[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = 1;
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
  return near;
})();

/** Whether a and b, one character each, are keys next to each other (anything else is not). */
export function adjacentKeys(a: string, b: string): boolean {
  if (a.length !== 1 || b.length !== 1) return false;
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  return x < 128 && y < 128 && NEAR[x * 128 + y] === 1;
}

/** VOWEL[code] = 1 for a, e, i, o, u and y. */
const VOWEL: Uint8Array = (() => {
  const vowel = new Uint8Array(128);
  for (const c of 'aeiouy') vowel[c.charCodeAt(0)] = 1;
  return vowel;
})();

export function isVowel(c: string): boolean {
  return c.length === 1 && VOWEL[c.charCodeAt(0)] === 1;
}
