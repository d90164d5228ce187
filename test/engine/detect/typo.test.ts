import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Target } from '../../../src/engine/brands/target.js';
import { LazyDetection, type Detection } from '../../../src/engine/detect/detection.js';
import { typoFromShape, typoInRun, typoShape } from '../../../src/engine/detect/typo.js';
import { skeleton } from '../../../src/engine/names/index.js';

function target(label: string, maxEdits: number, suffix = 'com'): Target {
  return { id: 0, brand: 0, label, domain: `${label}.${suffix}`, suffix, skeleton: skeleton(label), maxEdits, isDomain: true, weak: false } as unknown as Target;
}

test('a typo scores from its slips alone and names them when its reasons are read, the same array each time', () => {
  const t = target('microsoft', 2);
  const shape = typoShape('micorsoft', t);
  assert.ok(shape !== null);
  assert.deepEqual(shape.techniques, ['typo']);
  // 9 letters, one edit (0.8), a transposition is a likely slip (+0.06).
  assert.equal(shape.score, 0.8 + 0.06);
  const d = typoFromShape(shape, t, 'com');
  assert.equal(d.score, 0.92);
  assert.deepEqual(d.reasons, ['typo of `microsoft`: `ro` swapped to `or`']);
  assert.equal(d.reasons, d.reasons);
  assert.deepEqual(typoFromShape(shape, t, 'net').score, 0.86);
});

test('a kept shape gives the reasons of the shape it copies; hyphenation and bitsquat shapes name theirs', () => {
  const t = target('en-marche', 1, 'fr');
  const hyphen = typoShape('enmarche', t);
  assert.ok(hyphen !== null);
  assert.deepEqual([hyphen.techniques, hyphen.reasons], [['hyphenation'], ['`en-marche` with 1 hyphen dropped']]);
  assert.deepEqual(hyphen.kept().reasons, hyphen.reasons);
  const bit = typoShape('microsmft', target('microsoft', 2));
  assert.ok(bit !== null);
  assert.deepEqual(bit.techniques, ['bitsquat']);
  assert.deepEqual(bit.reasons, ['`m` for `o`: one bit flipped (0x6f → 0x6d) in `microsoft`']);
});

test("a typo inside a hyphen run has the combo's techniques and reasons, then the typo's", () => {
  const t = target('microsoft', 2);
  const shape = typoShape('micorsoft', t);
  assert.ok(shape !== null);
  const combo: Detection = { target: t, score: 0.9, techniques: ['combo'], reasons: ['brand `microsoft` + keyword `login`'] };
  const d = typoInRun(combo, shape, t, 'com');
  assert.ok(d instanceof LazyDetection);
  assert.equal(d.score, 0.9);
  assert.deepEqual(d.techniques, ['combo', 'typo']);
  assert.deepEqual(d.reasons, ['brand `microsoft` + keyword `login`', 'typo of `microsoft`: `ro` swapped to `or`']);
  const level = typoInRun({ ...combo, techniques: ['combo', 'levelsquat'] }, shape, t, 'com');
  assert.deepEqual(level.techniques, ['combo', 'levelsquat', 'typo']);
});
