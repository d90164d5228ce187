import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_AUTOMATON_TOKEN, compileBrands } from '../../../src/engine/brands/compile.js';
import { hashString } from '../../../src/engine/index/index.js';

test('shortLabels files exactly the targets too short for the automaton, under the hash of their label, in id order', () => {
  const brands = [
    { name: 'BBC', domains: ['bbc.co.uk', 'bbc.com'], keywords: [], allowlist: [] },
    { name: 'Example', domains: ['example.com', 'ex.org'], keywords: ['ex'], allowlist: [] },
    { name: 'A-B', domains: ['a-b.fr'], keywords: [], allowlist: [] },
  ];
  const index = compileBrands(brands, { keywords: ['login'] });
  const expected = new Map<number, number[]>();
  for (const t of index.targets) {
    if (t.flat.length >= MIN_AUTOMATON_TOKEN) continue;
    const key = hashString(t.label);
    expected.set(key, [...(expected.get(key) ?? []), t.id]);
  }
  assert.ok(expected.size >= 3, 'bbc, ex and a-b are short');
  for (const t of index.targets) {
    const key = hashString(t.label);
    const slot = index.shortLabels.find(key);
    const ids = slot < 0 ? [] : [...index.shortLabels.ids.subarray(index.shortLabels.start(slot), index.shortLabels.end(slot))];
    assert.deepEqual(ids, expected.get(key) ?? [], t.label);
  }
});
