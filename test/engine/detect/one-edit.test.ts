import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditTable, oneEdit } from '../../../src/engine/detect/edits.js';

const table = new EditTable();

/** What oneEdit must agree with: the table at max 1 and its walk. */
function reference(brand: string, name: string): unknown {
  const d = table.fill(brand, name, 1);
  return d === 1 ? (table.script()[0] ?? null) : null;
}

test('oneEdit: the edit fill + script give at max 1, or null (equal or further)', () => {
  const text = fc.stringMatching(/^[ab-]{0,7}$/);
  fc.assert(
    fc.property(text, text, (brand, name) => {
      assert.deepEqual(oneEdit(brand, name), reference(brand, name));
    }),
    { numRuns: 20000 },
  );
});

test('oneEdit: a letter doubled inside a run is placed where the table walk places it', () => {
  assert.deepEqual(oneEdit('google', 'gooogle'), { kind: 'insertion', at: 1, char: 'o' });
  assert.deepEqual(oneEdit('google', 'gogle'), { kind: 'omission', at: 1, char: 'o' });
  assert.deepEqual(oneEdit('google', 'googel'), { kind: 'transposition', at: 4, pair: 'le' });
  assert.deepEqual(oneEdit('google', 'goigle'), { kind: 'replacement', at: 2, from: 'o', to: 'i' });
  assert.equal(oneEdit('google', 'google'), null);
  assert.equal(oneEdit('google', 'gogel'), null);
});
