import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InlineMultimap } from '../../../src/engine/index/index.js';
import { assertMultimapProperty } from '../../support/multimap-property.js';

function idsOf(map: InlineMultimap, key: number): number[] {
  const s = map.find(key);
  if (s < 0) return [];
  const single = map.single(s);
  return single >= 0 ? [single] : [...map.ids.subarray(map.start(s), map.end(s))];
}

test('property: every key gives back its distinct ids in order (one in its slot, several from the pool), and an absent key gives none', () => {
  assertMultimapProperty((keys, ids) => new InlineMultimap(keys, ids), idsOf);
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
