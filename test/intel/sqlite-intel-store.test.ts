import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Knowledge, MemoryIntelStore, importFiles, openSqliteIntelStore } from '../../src/intel/index.js';
import { runIntelStoreContract } from './intel-store-contract.js';
import { sharedData } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'squatwatch-intel-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `intel-${++n}.db`);

runIntelStoreContract('memory', async () => new MemoryIntelStore());
runIntelStoreContract('sqlite file', async () => openSqliteIntelStore(freshPath()));

const FILES = [
  'misp-galaxy/threat-actor.json',
  'grizzly-steppe/JAR-16-20296A.csv',
  'actors/maltrail/apt_sofacy.txt',
  'actors/maltrail/apt_sandworm.txt',
  'actors/maltrail/apt_turla.txt',
].map(sharedData);

test('real files read back from a reopened database give the same knowledge as in memory', async () => {
  const path = freshPath();
  const sqlite = await openSqliteIntelStore(path);
  const memory = new MemoryIntelStore();
  const written = await importFiles(sqlite, FILES);
  await importFiles(memory, FILES);
  assert.ok(written.every((f) => !f.failed && f.summary?.added === true), 'every file added');
  await sqlite.close();
  const reopened = await openSqliteIntelStore(path, { create: false });
  try {
    assert.deepEqual(await reopened.batches(), await memory.batches());
    const k = new Knowledge(await reopened.batches());
    const apt28 = k.resolver.resolve('Pawn Storm');
    assert.deepEqual(k.resolver.resolve('sofacy'), apt28);
    const jar = k.graph.find('ip', '194.187.249.135');
    assert.ok(jar !== undefined, 'the JAR address is a node');
    const actors = k.graph.neighbours(jar, 'actor').map((a) => a.value).sort();
    assert.deepEqual(actors, ['APT28', 'APT29'], 'the JAR label stands for both, kept ambiguous');
    assert.ok(k.graph.neighbours(jar, 'actor').every((a) => a.source.endsWith('JAR-16-20296A.csv') && a.position === 'line 547'), 'provenance of the JAR row');
  } finally {
    await reopened.close();
  }
});

test('each source is listed with its format, counts and import time; re-importing keeps one row per source', async () => {
  const times = ['2017-04-24T10:00:00.000Z', '2017-04-25T10:00:00.000Z'];
  let t = 0;
  const store = await openSqliteIntelStore(freshPath(), { now: () => new Date(times[Math.min(t++, 1)] ?? '') });
  try {
    const sofacy = sharedData('actors/maltrail/apt_sofacy.txt');
    await importFiles(store, [sofacy]);
    const [again] = await importFiles(store, [sofacy]);
    assert.equal(again?.summary?.added, false);
    const sources = await store.sources();
    assert.equal(sources.length, 1);
    assert.equal(sources[0]?.format, 'maltrail');
    assert.ok((sources[0]?.indicators ?? 0) > 1000, 'indicator count');
    assert.equal(sources[0]?.importedAt, times[1]);
  } finally {
    await store.close();
  }
});

test('a file with bad records imports the rest and names each bad record; a file that is bad as a whole changes nothing', async () => {
  const store = await openSqliteIntelStore(freshPath());
  try {
    const trail = join(dir, 'apt_example.txt');
    writeFileSync(trail, '# Aliases: example bear\nexample-login.com\nnot a domain at all!\n10.1.2.3\n');
    const [partly] = await importFiles(store, [trail]);
    assert.equal(partly?.failed, false);
    assert.equal(partly?.summary?.indicators, 2);
    assert.deepEqual(partly?.issues.map((i) => [i.source, i.position]), [[trail, 'line 3']]);

    const bundle = join(dir, 'bundle.json');
    writeFileSync(bundle, '{"type": "bundle", "objects": [{"type": "indicator", "id": "indicator--1", "pattern": "[domain-name:value = \'a.example\']"}');
    writeFileSync(trail, '{ this is not a trail file nor JSON');
    const results = await importFiles(store, [bundle, trail, join(dir, 'missing.txt')]);
    assert.deepEqual(results.map((r) => r.failed), [true, true, true]);
    assert.match(results[0]?.issues[0]?.position ?? '', /^line 1 column \d+$/);
    assert.match(results[2]?.issues[0]?.reason ?? '', /cannot read/);
    const batches = await store.batches();
    assert.deepEqual(batches.map((b) => b.source), [trail]);
    assert.deepEqual(batches[0]?.indicators.map((i) => i.value), ['example-login.com', '10.1.2.3'], 'the earlier import of the file is intact');
  } finally {
    await store.close();
  }
});
