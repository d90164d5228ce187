import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditTable, boundedDistance, editScript, type Edit } from '../../../src/engine/detect/edits.js';

/** Optimal string alignment distance, the textbook way: the reference the reused-buffer version must agree with. */
function osa(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      let v = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = v;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/** Applies an edit script to the brand: it must give the name back. */
function apply(brand: string, edits: readonly Edit[]): string {
  let out = '';
  let i = 0;
  for (const e of edits) {
    out += brand.slice(i, e.at);
    i = e.at;
    if (e.kind === 'omission') i++;
    else if (e.kind === 'insertion') out += e.char;
    else if (e.kind === 'replacement') (out += e.to), i++;
    else (out += `${e.pair[1] ?? ''}${e.pair[0] ?? ''}`), (i += 2);
  }
  return out + brand.slice(i);
}

const label = fc.stringMatching(/^[a-d-]{0,40}$/);

test('property: boundedDistance is the OSA distance when within max, and more than max otherwise', () => {
  fc.assert(
    fc.property(label, label, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
      const exact = osa(a, b);
      const bounded = boundedDistance(a, b, max);
      if (exact <= max) assert.equal(bounded, exact);
      else assert.ok(bounded > max, `${a} ${b} ${max}: ${bounded}`);
    }),
    { numRuns: 2000 },
  );
});

test('property: editScript has as many edits as the distance and turns the brand into the name', () => {
  fc.assert(
    fc.property(label, label, (brand, name) => {
      const edits = editScript(brand, name);
      assert.equal(edits.length, osa(brand, name));
      assert.equal(apply(brand, edits), name);
    }),
    { numRuns: 2000 },
  );
});

test('property: an EditTable filled within a bound gives the distance and, within it, the same edits as editScript', () => {
  fc.assert(
    fc.property(label, fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'x', '')), { maxLength: 3 }), (brand, changes) => {
      let name = brand;
      for (const [at, c] of changes) {
        const k = name.length === 0 ? 0 : at % (name.length + 1);
        name = c === '' ? name.slice(0, k) + name.slice(k + 1) : name.slice(0, k) + c + name.slice(k + (at % 2));
      }
      const distance = osa(brand, name);
      const table = new EditTable();
      for (const max of [distance, distance + 1]) {
        assert.equal(table.fill(brand, name, max), distance);
        assert.deepEqual(table.script(), editScript(brand, name), `${brand} -> ${name} within ${max}`);
      }
      if (distance > 0) assert.equal(table.fill(brand, name, distance - 1), distance);
    }),
    { numRuns: 3000 },
  );
});

test('editScript names the slips: a swap, a missing letter, a neighbour key', () => {
  assert.deepEqual(editScript('microsoft', 'microsfot'), [{ kind: 'transposition', at: 6, pair: 'of' }]);
  assert.deepEqual(editScript('microsoft', 'micosoft'), [{ kind: 'omission', at: 3, char: 'r' }]);
  assert.deepEqual(editScript('paypal', 'paypak'), [{ kind: 'replacement', at: 5, from: 'l', to: 'k' }]);
});
