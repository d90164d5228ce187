import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HashMultimap } from '../../../src/engine/index/index.js';
import { assertMultimapProperty } from '../../support/multimap-property.js';
import { sortedPairs } from '../../../src/engine/index/multimap.js';

function idsOf(map: HashMultimap, key: number): number[] {
  const s = map.find(key);
  return s < 0 ? [] : [...map.ids.subarray(map.start(s), map.end(s))];
}

test('property: every key gives back its distinct ids in order, and an absent key gives none', () => {
  assertMultimapProperty((keys, ids) => new HashMultimap(keys, ids), idsOf);
});

test('keys that share their low bits all stay findable (probing walks past the taken slots)', () => {
  const keys = Array.from({ length: 100 }, (_, i) => i * 2 ** 20);
  const map = new HashMultimap(keys, keys.map((_, i) => i));
  keys.forEach((k, i) => assert.deepEqual(idsOf(map, k), [i]));
  assert.deepEqual(idsOf(map, 2 ** 20 + 1), []);
});

test('property: sortedPairs gives the distinct pairs by key then id, whether the ids fit beside the key in a double or not', () => {
  const key = fc.oneof(fc.constantFrom(0, 2 ** 32 - 1), fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 20 }));
  const small = fc.nat({ max: 2 ** 21 - 1 });
  const large = fc.oneof(small, fc.constantFrom(2 ** 21, 2 ** 32 - 1), fc.nat({ max: 2 ** 32 - 1 }));
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.tuple(key, small), { maxLength: 200 }), fc.array(fc.tuple(key, large), { maxLength: 200 }), (useLarge, a, b) => {
      const pairs = useLarge ? b : a;
      const got = sortedPairs(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
      const expected = [...new Set(pairs.map((p) => `${p[0]} ${p[1]}`))].map((t) => t.split(' ').map(Number) as [number, number]);
      expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      assert.deepEqual([...got.keys], expected.map((p) => p[0]));
      assert.deepEqual([...got.ids], expected.map((p) => p[1]));
    }),
    { numRuns: 500 },
  );
});
