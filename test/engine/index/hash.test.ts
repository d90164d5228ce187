import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PrefixHashes, hashString } from '../../../src/engine/index/index.js';

const codes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

test('property: the hash of a deletion variant equals the hash of the string with that character removed', () => {
  const p = new PrefixHashes();
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z0-9-]{2,40}$/), fc.nat(), fc.nat(), (s, x, y) => {
      p.load(codes(s), 0, s.length);
      const i = x % s.length;
      let j = y % s.length;
      if (j === i) j = (i + 1) % s.length;
      const [a, b] = i < j ? [i, j] : [j, i];
      const one = s.slice(0, i) + s.slice(i + 1);
      const two = s.slice(0, a) + s.slice(a + 1, b) + s.slice(b + 1);
      return p.whole() === hashString(s) && p.without(i) === hashString(one) && p.without2(a, b) === hashString(two);
    }),
    { numRuns: 3000 },
  );
});
