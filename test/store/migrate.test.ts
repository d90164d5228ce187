import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrate.js';
import { openSqliteStore, SCHEMA, type SchemaPart, StoreError } from '../../src/store/index.js';
import { sighted } from './case-2017.js';

const dir = mkdtempSync(join(tmpdir(), 'squatwatch-migrate-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = (): string => join(dir, `m-${++files}.db`);
const now = (): Date => new Date('2026-01-01T00:00:00Z');

/** A part as another engineer would add it: first one table, later a column. */
const graphV1: SchemaPart = {
  name: 'intel-graph',
  version: 1,
  sqlite: [`CREATE TABLE edges (a TEXT NOT NULL, b TEXT NOT NULL)`],
};
const graphV2: SchemaPart = {
  ...graphV1,
  version: 2,
  sqlite: [...graphV1.sqlite, `ALTER TABLE edges ADD COLUMN weight REAL NOT NULL DEFAULT 1`],
};

function partsOf(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, version FROM schema_parts').all() as { name: string; version: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.version]));
  } finally {
    db.close();
  }
}

test('every shipped schema part has a unique name and one step per version', () => {
  assert.equal(new Set(SCHEMA.map((p) => p.name)).size, SCHEMA.length);
  for (const part of SCHEMA) assert.equal(part.sqlite.length, part.version, part.name);
});

test('a new database records the version of every part', async () => {
  const path = freshPath();
  await openSqliteStore(path).close();
  assert.deepEqual(partsOf(path), Object.fromEntries(SCHEMA.map((p) => [p.name, p.version])));
});

test('a part added to the schema later is created in an existing database, keeping its data', async () => {
  const path = freshPath();
  const old = openSqliteStore(path);
  await old.recordHits([sighted({ name: 'en-marche.co', position: '1' })]);
  await old.close();
  const grown = openSqliteStore(path, { schema: [...SCHEMA, graphV1] });
  assert.equal((await grown.counts()).findings, 1);
  await grown.close();
  assert.equal(partsOf(path)['intel-graph'], 1);
});

test('an older version of a part is migrated step by step on open', () => {
  const path = freshPath();
  const db = new Database(path);
  try {
    migrate(db, [graphV1], { path, create: true, now });
    db.prepare(`INSERT INTO edges (a, b) VALUES ('en-marche.co', '194.187.249.135')`).run();
    migrate(db, [graphV2], { path, create: true, now });
    assert.deepEqual(db.prepare('SELECT a, b, weight FROM edges').all(), [{ a: 'en-marche.co', b: '194.187.249.135', weight: 1 }]);
    migrate(db, [graphV2], { path, create: true, now });
  } finally {
    db.close();
  }
  assert.deepEqual(partsOf(path), { 'intel-graph': 2 });
});

test('a database with a newer version of a part is refused with a message saying so, and left alone', () => {
  const path = freshPath();
  const db = new Database(path);
  try {
    migrate(db, [graphV2], { path, create: true, now });
    assert.throws(() => migrate(db, [graphV1], { path, create: true, now }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.equal(e.code, 'newer-schema');
      assert.match(e.message, /schema part 'intel-graph' at version 2, but this squatwatch knows up to version 1/);
      assert.match(e.message, /upgrade squatwatch/);
      return true;
    });
  } finally {
    db.close();
  }
  assert.deepEqual(partsOf(path), { 'intel-graph': 2 });
});

test('a database holding a part this code does not know is refused as newer', async () => {
  const path = freshPath();
  await openSqliteStore(path, { schema: [...SCHEMA, graphV1] }).close();
  assert.throws(() => openSqliteStore(path), (e: unknown) => {
    assert.ok(e instanceof StoreError);
    assert.equal(e.code, 'newer-schema');
    assert.match(e.message, /'intel-graph' .*does not know this part/);
    return true;
  });
});

test('a foreign SQLite database is refused and not written to', () => {
  const path = freshPath();
  const db = new Database(path);
  db.exec('CREATE TABLE moz_places (url TEXT)');
  db.close();
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof StoreError && e.code === 'not-squatwatch');
  const check = new Database(path, { readonly: true });
  const tables = check.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
  check.close();
  assert.deepEqual(tables, ['moz_places']);
});

test('an empty file opened without create is not taken for a store', () => {
  const path = freshPath();
  writeFileSync(path, '');
  assert.throws(() => openSqliteStore(path, { create: false }), (e: unknown) => e instanceof StoreError && e.code === 'not-squatwatch');
});

test('a part whose version does not match its steps is a bug, caught before any change', () => {
  const db = new Database(':memory:');
  try {
    assert.throws(() => migrate(db, [{ ...graphV1, version: 2 }], { path: ':memory:', create: true, now }), /version 2 but 1 steps/);
    assert.deepEqual(db.prepare(`SELECT name FROM sqlite_schema`).all(), []);
  } finally {
    db.close();
  }
});
