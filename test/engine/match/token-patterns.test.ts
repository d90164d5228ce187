import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileBrands } from '../../../src/engine/brands/compile.js';
import { ALL_WEAK, ENTRY, FLAT_DOMAIN, NO_SUFFIX, RECORD, startBit, SUFFIX_START, TARGET_WEAK, TokenPatterns } from '../../../src/engine/match/token-patterns.js';
import { brand } from '../../support/matcher.js';

const index = compileBrands(
  [
    brand('Contoso', ['contoso.com', 'contoso.fr', 'contoso.co.uk'], ['contoso-pay']),
    brand('Office', ['office.com']),
    brand('Office Online', ['office-online.net']),
    brand('BBC', ['bbc.co.uk']),
    brand('Live', ['live.com', 'live.jp']),
  ],
  { keywords: ['login', 'mail'], generic: ['office', 'live'] },
);

test("each pattern's record holds its targets' ids in order (each beside its suffix's first code and weakness), its length and the facts of its targets", () => {
  const p = new TokenPatterns(index);
  assert.equal(p.records.length, index.patternTargets.length * RECORD);
  index.patternTargets.forEach((ids, pattern) => {
    const rec = pattern * RECORD;
    const first = p.records[rec + 1] ?? -1;
    const entries = [...p.targets.subarray(ENTRY * first, ENTRY * (first + (p.records[rec + 2] ?? 0)))];
    assert.deepEqual(entries.filter((_, i) => i % ENTRY === 0), ids);
    ids.forEach((id, k) => {
      const t = index.targets[id];
      const entry = entries[ENTRY * k + 1] ?? 0;
      assert.equal(entry & SUFFIX_START, t?.suffix === '' ? NO_SUFFIX : t?.suffix.charCodeAt(0));
      assert.equal((entry & TARGET_WEAK) !== 0, t?.weak);
    });
    assert.equal(p.records[rec + 3], index.automaton.patternLength[pattern]);
    const targets = ids.map((id) => index.targets[id]);
    const facts = p.records[rec] ?? 0;
    assert.equal((facts & ALL_WEAK) !== 0, targets.every((t) => t?.weak));
    assert.equal((facts & FLAT_DOMAIN) !== 0, targets.some((t) => t?.flatDomain));
    for (const t of targets) if (t !== undefined && t.suffix !== '') assert.notEqual(facts & startBit(t.suffix.charCodeAt(0)), 0, t.domain);
  });
  // The fixture has every kind: weak-only, mixed, flat-domain (bbccouk), several suffixes on one pattern (contoso).
  const all = [...Array(index.patternTargets.length).keys()].map((q) => p.records[q * RECORD] ?? 0);
  assert.ok(all.some((f) => (f & ALL_WEAK) !== 0));
  assert.ok(all.some((f) => (f & ALL_WEAK) === 0));
  assert.ok(all.some((f) => (f & FLAT_DOMAIN) !== 0));
  assert.ok(index.patternTargets.some((ids) => ids.length > 1));
});
