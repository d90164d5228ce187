import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { NameHashSet } from '../../src/feeds/name-hash-set.js';

const TOP100K = fileURLToPath(new URL('../../../shared/data/toplists/misp-warninglist-cloudflare-top100k.json', import.meta.url));

test("over Cloudflare's top 100k, holds every name added and none of the others", () => {
  const names = [...new Set((JSON.parse(readFileSync(TOP100K, 'utf8')) as { list: string[] }).list)];
  assert.ok(names.length > 99_000);
  const half = Math.floor(names.length / 2);
  const set = new NameHashSet();
  for (const n of names.slice(0, half)) set.add(n);
  assert.equal(set.size, half);
  assert.equal(names.slice(0, half).filter((n) => !set.has(n)).length, 0);
  assert.equal(names.slice(half).filter((n) => set.has(n)).length, 0);
});

test('names added after a lookup are found with the earlier ones', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.domain(), { minLength: 1, maxLength: 300 }), (names) => {
      const set = new NameHashSet();
      const cut = Math.ceil(names.length / 2);
      for (const n of names.slice(0, cut)) set.add(n);
      assert.ok(set.has(names[0]!));
      for (const n of names.slice(cut)) set.add(n);
      assert.ok(names.every((n) => set.has(n)));
    }),
  );
});
