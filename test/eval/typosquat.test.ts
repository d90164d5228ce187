import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brand, matcherFor } from '../support/matcher.js';
import { sharedText } from '../support/shared.js';

/**
 * ail-typo-squatting's expected variants for circl.lu (with the algorithm of each): which does squatwatch
 * catch? Families we support must be caught almost always; the rest are printed, not asserted.
 */
const SUPPORTED: Readonly<Record<string, number>> = {
  omission: 1,
  repetition: 1,
  // ail's changeOrder also moves letters apart (`irccl`): two edits, beyond the one a five-letter label is allowed.
  changeOrder: 0.35,
  replacement: 0.95,
  addition: 0.95,
  addDash: 1,
  subdomain: 1,
  missingDot: 1,
  wrongTld: 0.99,
  addTld: 0.99,
  changeDotDash: 0.99,
  homoglyph: 0.9,
};

test('ail-typo-squatting variants of circl.lu: each supported family is caught', () => {
  const m = matcherFor([brand('CIRCL', ['circl.lu'])]);
  const byAlgo = new Map<string, { caught: number; total: number; missed: string[] }>();
  for (const line of sharedText('typosquat/ail-circl.lu.var.txt').split('\n')) {
    const [variant, algo] = line.split(/,\s*/);
    if (!variant || !algo) continue;
    const s = byAlgo.get(algo) ?? { caught: 0, total: 0, missed: [] };
    s.total++;
    if (m.match(variant).some((h) => h.brand === 'CIRCL')) s.caught++;
    else if (s.missed.length < 5) s.missed.push(variant);
    byAlgo.set(algo, s);
  }
  const rows = [...byAlgo].map(([a, s]) => `${a.padEnd(18)} ${String(s.caught).padStart(5)} / ${String(s.total).padEnd(5)} ${(s.caught / s.total * 100).toFixed(1).padStart(5)}%  ${s.missed.length ? `missed e.g. ${s.missed.join(' ')}` : ''}`);
  console.log(`ail-typo-squatting circl.lu variants caught:\n${rows.join('\n')}`);
  for (const [algo, floor] of Object.entries(SUPPORTED)) {
    const s = byAlgo.get(algo);
    assert.ok(s, `no ${algo} variants in the file`);
    assert.ok(s.caught / s.total >= floor, `${algo}: ${s.caught}/${s.total} below ${floor}`);
  }
});

test('ail-typo-squatting variants of misp-project.org: one-edit and dash families are caught', () => {
  const m = matcherFor([brand('MISP', ['misp-project.org'])]);
  const variants = sharedText('typosquat/ail-misp-project.org.txt').split('\n').filter((l) => l.trim() !== '');
  let caught = 0;
  for (const v of variants) if (m.match(v).length > 0) caught++;
  console.log(`ail-typo-squatting misp-project.org variants caught: ${caught} / ${variants.length} (${(caught / variants.length * 100).toFixed(1)}%)`);
  assert.ok(caught / variants.length >= 0.9, `${caught}/${variants.length}`);
});
