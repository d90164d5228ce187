import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Target } from '../../../src/engine/brands/target.js';
import { detectTldSwap } from '../../../src/engine/detect/tld-swap.js';

const target = { id: 0, brand: 0, label: 'en-marche', suffix: 'fr', isDomain: true, weak: false } as unknown as Target;

test('the brand label under another suffix is a tld-swap, whose reason names both suffixes (read twice, the same)', () => {
  const d = detectTldSwap('en-marche', 'co', target);
  assert.ok(d !== null);
  assert.equal(d.score, 0.85);
  assert.deepEqual(d.techniques, ['tld-swap']);
  assert.deepEqual(d.reasons, ['`en-marche` under .co instead of .fr']);
  assert.deepEqual(d.reasons, ['`en-marche` under .co instead of .fr']);
});

test('the same suffix, another label, or a target that is no domain gives none', () => {
  assert.equal(detectTldSwap('en-marche', 'fr', target), null);
  assert.equal(detectTldSwap('en-marchee', 'co', target), null);
  assert.equal(detectTldSwap('en-marche', 'co', { ...target, isDomain: false }), null);
});
