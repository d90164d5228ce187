import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { MemoryIntelStore, SHIPPED_INTEL_DIR, importFile, loadBackground, parseIntel, shippedKnowledge } from '../../src/intel/index.js';
import { sharedData } from './shared-data.js';

test('every shipped file exists, beside its licence and a SOURCE note', () => {
  const { files, background } = shippedKnowledge();
  assert.ok(files.length > 340, `${files.length} files`);
  const paths = [...files.map((f) => f.path), ...(background.toplists ?? []), ...(background.lookalikes ?? [])];
  for (const p of paths) {
    assert.ok(existsSync(p), p);
    const folder = readdirSync(dirname(p));
    assert.ok(folder.includes('SOURCE.txt'), `${dirname(p)}: SOURCE.txt`);
    // the JAR is a US Government work: no licence file, its SOURCE.txt says so
    if (!p.includes('grizzly-steppe')) assert.ok(folder.some((f) => f.startsWith('LICENSE')), `${dirname(p)}: licence`);
  }
  assert.ok(files.every((f) => f.source.startsWith('data/intel/') && !f.source.endsWith('.gz')), 'stable source names');
});

test('a shipped gzip trail file imports exactly as the original, under its stable source name', async () => {
  const store = new MemoryIntelStore();
  const sofacy = shippedKnowledge().files.find((f) => f.source.endsWith('apt_sofacy.txt'));
  assert.ok(sofacy !== undefined, 'apt_sofacy shipped');
  const r = await importFile(store, sofacy);
  assert.equal(r.failed, false);
  const [stored] = await store.batches();
  const original = parseIntel(readFileSync(sharedData('actors/maltrail/apt_sofacy.txt'), 'utf8'), 'data/intel/maltrail/apt_sofacy.txt');
  assert.deepEqual(stored, { ...original, issues: [] });
});

test('the shipped background reads from gzip: popular domains and unknown lookalike names', async () => {
  const bg = await loadBackground(shippedKnowledge(SHIPPED_INTEL_DIR).background);
  assert.ok(bg.popular.has('google.com'), 'google.com is popular');
  assert.ok(bg.lookalikeLabels.length > 20_000, `${bg.lookalikeLabels.length} lookalike labels`);
});
