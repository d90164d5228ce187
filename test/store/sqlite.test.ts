import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore, StoreError } from '../../src/store/index.js';
import { sighted } from './case-2017.js';
import { runStoreContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'squatwatch-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = (): string => join(dir, `store-${++files}.db`);

runStoreContract('sqlite file', async () => openSqliteStore(freshPath()));
runStoreContract('sqlite :memory:', async () => openSqliteStore(':memory:'));

test('findings, triage and checkpoints survive closing and reopening the file', async () => {
  const path = freshPath();
  const first = openSqliteStore(path);
  await first.recordBatch({ hits: [sighted({ name: 'en-marche.co', position: '1' })], checkpoint: { key: 'ct:x', value: '1' } });
  await first.setTriage('en-marche.co', 'confirmed', 'seen in 2017');
  await first.close();
  const again = openSqliteStore(path, { create: false });
  try {
    const f = await again.getFinding('en-marche.co');
    assert.equal(f?.state, 'confirmed');
    assert.equal(f?.triage.length, 1);
    assert.equal(await again.getCheckpoint('ct:x'), '1');
    const r = await again.recordHits([sighted({ name: 'en-marche.co', position: '1' })]);
    assert.deepEqual(r, { newFindings: [], sightingsAdded: 0 }, 'sightings stay idempotent across processes');
  } finally {
    await again.close();
  }
});

test('an up-to-date store opens and reads while another process holds the write lock', async () => {
  const path = freshPath();
  const writer = openSqliteStore(path);
  await writer.recordHits([sighted({ name: 'en-marche.co', position: '1' })]);
  const locker = new Database(path);
  locker.pragma('busy_timeout = 0');
  locker.exec('BEGIN IMMEDIATE');
  try {
    const reader = openSqliteStore(path, { create: false });
    try {
      assert.deepEqual((await reader.listFindings()).map((f) => f.domain), ['en-marche.co']);
    } finally {
      await reader.close();
    }
  } finally {
    locker.exec('ROLLBACK');
    locker.close();
    await writer.close();
  }
});

test('opening a missing file without create fails with a StoreError naming the file, and creates nothing', () => {
  const path = join(dir, 'no-such.db');
  assert.throws(() => openSqliteStore(path, { create: false }), (e: unknown) => {
    assert.ok(e instanceof StoreError);
    assert.equal(e.code, 'missing');
    assert.match(e.message, /no-such\.db: no such database/);
    return true;
  });
  assert.throws(() => openSqliteStore(path, { create: false }));
});

test('a file that is not a database is refused', () => {
  const path = join(dir, 'text.db');
  writeFileSync(path, 'onedrive-en-marche.fr\nmail-en-marche.fr\n'.repeat(100));
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof StoreError && e.code === 'not-a-database');
});

/**
 * A writer process records 100-hit batches with a checkpoint until it is SIGKILLed; after the kill,
 * the store holds exactly the batches up to its checkpoint: nothing half-written, nothing lost.
 */
test('a writer killed mid-run leaves hits and checkpoint consistent', async () => {
  const path = freshPath();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('kill-writer.ts', import.meta.url)), path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // The writer prints a line per committed batch; kill it once it is well under way.
  await new Promise<void>((resolve, reject) => {
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
      if (lines >= 20) resolve();
    });
    child.on('exit', () => reject(new Error('the writer exited before it was killed')));
  });
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  const store = openSqliteStore(path, { create: false });
  try {
    const checkpoint = Number(await store.getCheckpoint('kill-writer'));
    assert.ok(checkpoint >= 20, `checkpoint ${checkpoint}`);
    const counts = await store.counts();
    assert.equal(counts.sightings, checkpoint * 100);
    assert.equal(counts.findings, Math.min(checkpoint * 100, 5000));
  } finally {
    await store.close();
  }
});
