import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Automaton, createMatches, HashMultimap } from '../../../src/engine/index/index.js';

function naiveMatches(patterns: readonly string[], text: string): string[] {
  const flat = text.replace(/[-._]/g, '');
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = flat.indexOf(p); i >= 0; i = flat.indexOf(p, i + 1)) out.push(`${id}@${i + p.length - 1}`);
  });
  return out.sort();
}

test('property: the automaton finds exactly the occurrences a naive search finds, separators skipped', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[ab1]{1,7}$/), { minLength: 1, maxLength: 12 }), fc.stringMatching(/^[ab1.-]{0,60}$/), (patterns, text) => {
      const a = new Automaton(patterns);
      const m = createMatches(4096);
      const codes = [...text].map((c) => c.charCodeAt(0));
      a.scan(codes, 0, codes.length, m);
      // The other layouts find the same: the wide (Int32) table used past 65,536 states, and deep states from depth 1 or 2 on.
      for (const layout of [{ narrowStates: 0 }, { denseDepth: 0 }, { denseDepth: 1 }, { denseDepth: 2, narrowStates: 0 }]) {
        const other = createMatches(4096);
        new Automaton(patterns, layout).scan(codes, 0, codes.length, other);
        assert.deepEqual([...other.pattern.subarray(0, other.count)], [...m.pattern.subarray(0, m.count)], JSON.stringify(layout));
        assert.deepEqual([...other.end.subarray(0, other.count)], [...m.end.subarray(0, m.count)], JSON.stringify(layout));
      }
      // The premultiplied table (all states dense) finds the same through scanFlat, and so does scanFlat without one.
      for (const layout of [{ denseDepth: Infinity, flat: true }, { flat: true }, {}]) {
        const other = createMatches(4096);
        new Automaton(patterns, layout).scanFlat(codes, 0, codes.length, other);
        assert.deepEqual([...other.pattern.subarray(0, other.count)], [...m.pattern.subarray(0, m.count)], JSON.stringify(layout));
        assert.deepEqual([...other.end.subarray(0, other.count)], [...m.end.subarray(0, m.count)], JSON.stringify(layout));
      }
      // scanFlat in two pieces, the second resumed from the state the first returned, finds the same as in one.
      const flatOne = new Automaton(patterns, { denseDepth: Infinity, flat: true });
      if (flatOne.resumable) {
        const cut = codes.length >> 1;
        const pieces = createMatches(4096);
        flatOne.scanFlat(codes, cut, codes.length, pieces, flatOne.scanFlat(codes, 0, cut, pieces));
        assert.deepEqual([...pieces.pattern.subarray(0, pieces.count)], [...m.pattern.subarray(0, m.count)], 'in two pieces');
        assert.deepEqual([...pieces.end.subarray(0, pieces.count)], [...m.end.subarray(0, m.count)], 'in two pieces');
      }
      // Report positions in the separator-free text, as the naive search does.
      const flatIndex: number[] = [];
      let k = -1;
      for (const c of text) flatIndex.push(/[-._]/.test(c) ? k : ++k);
      const got: string[] = [];
      for (let i = 0; i < m.count; i++) got.push(`${m.pattern[i]}@${flatIndex[m.end[i] ?? 0]}`);
      assert.deepEqual(got.sort(), naiveMatches(patterns, text));
    }),
    { numRuns: 1500 },
  );
});

test('any character outside [a-z0-9] and the separators sends the automaton back to the root', () => {
  const a = new Automaton(['apple']);
  const m = createMatches();
  const text = 'app\u00e9le';
  a.scan([...text].map((c) => c.charCodeAt(0)), 0, text.length, m);
  assert.equal(m.count, 0);
});

test('the hash multimap returns every id filed under a key, and nothing for an absent key', () => {
  const map = new HashMultimap([5, 7, 5, 5, 2 ** 32 - 1], [1, 2, 3, 1, 9]);
  const ids = (key: number): number[] => {
    const s = map.find(key);
    return s < 0 ? [] : [...map.ids.subarray(map.start(s), map.end(s))];
  };
  assert.deepEqual(ids(5), [1, 3]);
  assert.deepEqual(ids(7), [2]);
  assert.deepEqual(ids(2 ** 32 - 1), [9]);
  assert.deepEqual(ids(6), []);
});
