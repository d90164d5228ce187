import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InlineMultimap } from '../../../src/engine/index/index.js';

function idsOf(map: InlineMultimap, key: number): number[] {
  const s = map.find(key);
  if (s < 0) return [];
  const single = map.single(s);
  return single >= 0 ? [single] : [...map.ids.subarray(map.start(s), map.end(s))];
}

test('property: every key gives back its distinct ids in order (one in its slot, several from the pool), and an absent key gives none', () => {
  const key = fc.oneof(fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1), fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 40 }));
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.nat({ max: 50 })), { maxLength: 300 }), fc.array(key, { maxLength: 30 }), (pairs, probes) => {
      const map = new InlineMultimap(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
      const expected = new Map<number, Set<number>>();
      for (const [k, id] of pairs) expected.set(k, (expected.get(k) ?? new Set()).add(id));
      for (const k of [...expected.keys(), ...probes]) assert.deepEqual(idsOf(map, k), [...(expected.get(k) ?? [])].sort((a, b) => a - b), `key ${k}`);
    }),
    { numRuns: 500 },
  );
});

test('a key with one id keeps it in its slot, id 0 included; a key with several reads them from the pool', () => {
  const map = new InlineMultimap([5, 7, 7, 9], [0, 3, 1, 2 ** 21 + 5]);
  assert.equal(map.single(map.find(5)), 0);
  assert.equal(map.single(map.find(9)), 2 ** 21 + 5);
  const s = map.find(7);
  assert.equal(map.single(s), -1);
  assert.deepEqual([...map.ids.subarray(map.start(s), map.end(s))], [1, 3]);
  assert.equal(map.find(6), -1);
});

test('keys that share their low bits all stay findable in a table two-thirds full', () => {
  const keys = Array.from({ length: 1000 }, (_, i) => i * 2 ** 20);
  const map = new InlineMultimap(keys, keys.map((_, i) => i));
  for (let i = 0; i < keys.length; i++) assert.equal(map.single(map.find(keys[i] ?? 0)), i);
});
