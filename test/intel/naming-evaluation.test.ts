import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Knowledge, MemoryIntelStore, loadBackground, standardBackgroundFiles, standardKnowledgeFiles } from '../../src/intel/index.js';
import { importFiles } from '../../src/intel/index.js';
import { evaluateNaming, formatNamingEvaluation } from '../../src/intel/naming-evaluation.js';
import { sharedData } from './shared-data.js';

test('the naming model names the actor of held-out maltrail domains well above chance, and its probabilities are calibrated', async () => {
  const data = sharedData('');
  const store = new MemoryIntelStore();
  await importFiles(store, await standardKnowledgeFiles(data));
  const k = new Knowledge(await store.batches(), { holdOut: true, background: await loadBackground(standardBackgroundFiles(data)) });
  const e = evaluateNaming(k);
  console.log(formatNamingEvaluation(e));
  assert.ok(e.testExamples > 1000);
  // chance is about 1/200 for top-1; measured 29% top-1 / 39% top-3 / Brier 0.16 when written
  assert.ok(e.top1 > 0.22, `top-1 ${e.top1}`);
  assert.ok(e.top3 > 0.3, `top-3 ${e.top3}`);
  assert.ok(e.brier < 0.2, `Brier ${e.brier}`);
  // stated probabilities in the bands that matter stay within 20 points of how often they were right
  for (const row of e.reliability) if (row.count >= 50) assert.ok(Math.abs(row.stated - row.observed) < 0.2, `${row.words}: ${row.stated} vs ${row.observed}`);
});
