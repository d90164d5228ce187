import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EndsFilter, DeletionEnds } from '../../../src/engine/index/index.js';
import { LONG, LONG_ORDER, planFor } from '../../../src/engine/index/deletion-plan.js';

const codes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** An ends filter over the brands' chosen variants: each whole, without one unit, without two. */
function filterOf(brands: readonly string[], variants: { whole?: boolean; singles?: boolean; pairs?: boolean }): EndsFilter {
  const filter = new EndsFilter(20);
  for (const b of brands) {
    const c = codes(b);
    if (variants.whole === true) filter.addVariant(c, b.length, -1, -1);
    if (variants.singles === true) for (let i = 0; i < b.length; i++) filter.addVariant(c, b.length, -1, i);
    if (variants.pairs === true) for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) filter.addVariant(c, b.length, i, j);
  }
  return filter;
}

/** The pairs (i < j) a DeletionEnds lets through, as "i,j" strings. */
function collected(ends: DeletionEnds, label: string): Set<string> {
  ends.load(codes(label), 0, label.length);
  const count = ends.collect();
  const out = new Set<string>();
  for (let k = 0; k < count; k++) out.add(`${ends.pairs[2 * k]},${ends.pairs[2 * k + 1]}`);
  assert.equal(out.size, count, 'each pair once');
  return out;
}

test('property: collect lets through exactly the pairs whose variant the filter may hold', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-d]{1,12}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-d-]{1,20}$/), (brands, label) => {
      const filter = filterOf(brands, { pairs: true });
      const ends = new DeletionEnds(filter);
      const got = collected(ends, label);
      for (let i = 0; i < label.length; i++) {
        for (let j = i + 1; j < label.length; j++) assert.equal(got.has(`${i},${j}`), filter.hasVariant(codes(label), label.length, i, j), `${label} without ${i},${j}`);
      }
    }),
    { numRuns: 1500 },
  );
});

test('property: whole and collectSingles answer as the filter does for the label and its one-deletion variants', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-c]{1,10}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-c-]{1,20}$/), (brands, label) => {
      const filter = filterOf(brands, { whole: true, singles: true });
      const ends = new DeletionEnds(filter);
      ends.load(codes(label), 0, label.length);
      assert.equal(ends.whole(), filter.hasVariant(codes(label), label.length, -1, -1), label);
      const count = ends.collectSingles();
      const got = [...ends.singles.subarray(0, count)];
      const expected = [...label].map((_, i) => i).filter((i) => filter.hasVariant(codes(label), label.length, -1, i));
      assert.deepEqual(got, expected, label);
    }),
    { numRuns: 1500 },
  );
});

test('a label whose variants are all in the filter gives every pair; an empty filter gives none', () => {
  const label = 'microsoft';
  const full = new EndsFilter(100);
  for (let i = 0; i < label.length; i++) for (let j = i + 1; j < label.length; j++) full.addVariant(codes(label), label.length, i, j);
  assert.equal(collected(new DeletionEnds(full), label).size, (label.length * (label.length - 1)) / 2);
  assert.equal(collected(new DeletionEnds(new EndsFilter(100)), label).size, 0);
});

test('property: a label read inside a longer run of codes gets the answers it gets alone', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-c]{1,10}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-c-]{0,6}$/), fc.stringMatching(/^[a-c-]{1,14}$/), fc.stringMatching(/^[a-c-]{0,6}$/), (brands, before, label, after) => {
      const filter = filterOf(brands, { whole: true, singles: true, pairs: true });
      const alone = new DeletionEnds(filter);
      alone.load(codes(label), 0, label.length);
      const inside = new DeletionEnds(filter);
      inside.load(codes(before + label + after), before.length, label.length);
      assert.equal(inside.whole(), alone.whole());
      const singles = alone.collectSingles();
      assert.equal(inside.collectSingles(), singles);
      assert.deepEqual([...inside.singles.subarray(0, singles)], [...alone.singles.subarray(0, singles)]);
      const pairs = alone.collect();
      assert.equal(inside.collect(), pairs);
      assert.deepEqual([...inside.pairs.subarray(0, 2 * pairs)], [...alone.pairs.subarray(0, 2 * pairs)]);
    }),
    { numRuns: 1000 },
  );
});

test('every label of LONG units or more has the 28 pairs of ends longMask unrolls, in its order', () => {
  for (let n = LONG; n <= 64; n++) {
    const plan = planFor(n);
    assert.equal([...plan.left].map((l, e) => `${l}${plan.right[e] ?? ''}`).join(' '), LONG_ORDER, `length ${n}`);
  }
});

test('property: collect lists the pairs let through in the plan order (grouped by ends, as the reasons of a hit follow)', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-d]{1,12}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-d-]{3,20}$/), (brands, label) => {
      const filter = filterOf(brands, { pairs: true });
      const ends = new DeletionEnds(filter);
      ends.load(codes(label), 0, label.length);
      const count = ends.collect();
      const plan = planFor(label.length);
      const expected: number[] = [];
      for (let e = 0; e + 1 < plan.first.length; e++) {
        for (let k = plan.first[e] ?? 0; k < (plan.first[e + 1] ?? 0); k++) {
          const i = plan.pairs[2 * k] ?? 0;
          const j = plan.pairs[2 * k + 1] ?? 0;
          if (filter.hasVariant(codes(label), label.length, i, j)) expected.push(i, j);
        }
      }
      assert.deepEqual([...ends.pairs.subarray(0, 2 * count)], expected);
    }),
    { numRuns: 1500 },
  );
});
