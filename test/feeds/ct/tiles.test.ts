import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogHttp } from '../../../src/feeds/ct/http.js';
import { TiledLogReader } from '../../../src/feeds/ct/tiles.js';
import type { RawBatch, ReadFailure } from '../../../src/feeds/ct/reader.js';
import { serverKey, startCtServer, type CtServer, type CtServerOptions } from '../../support/ct-server.js';

const fastHttp = (): LogHttp => new LogHttp({ retries: 2, baseDelayMs: 1 });

async function withServer(options: CtServerOptions, fn: (s: CtServer) => Promise<void>): Promise<void> {
  const s = await startCtServer(options);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

const keyOf = serverKey;

async function readAll(r: TiledLogReader, start: number, end: number): Promise<(RawBatch | ReadFailure)[]> {
  const out: (RawBatch | ReadFailure)[] = [];
  for await (const b of r.read(start, end)) out.push(b);
  return out;
}

test('the tiled reader verifies the signed checkpoint and the tree, then yields every real entry once, in order', async () => {
  await withServer({}, async (s) => {
    const warnings: string[] = [];
    const r = new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: keyOf(s), http: fastHttp(), warn: (m) => warnings.push(m) });
    const head = await r.head();
    assert.ok(head.ok, head.ok ? '' : head.message);
    assert.equal(head.size, 1024);
    const batches = await readAll(r, 0, 1024);
    assert.equal(batches.length, 4);
    const indexes = batches.flatMap((b) => ('failed' in b ? [] : b.entries.map((e) => e.index)));
    assert.deepEqual(indexes, Array.from({ length: 1024 }, (_, i) => i));
    assert.ok(batches.every((b) => !('failed' in b) && b.bad.length === 0));
    assert.deepEqual(warnings, []);
  });
});

test('a partial tree (size 778) reads the .p/10 tiles and starts mid-tile when asked', async () => {
  await withServer({ size: 778 }, async (s) => {
    const r = new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: keyOf(s), http: fastHttp(), warn: () => {} });
    const head = await r.head();
    assert.ok(head.ok, head.ok ? '' : head.message);
    const batches = await readAll(r, 700, 778);
    assert.deepEqual(batches.map((b) => ('failed' in b ? 'failed' : [b.start, b.end, b.entries.length])), [[700, 768, 68], [768, 778, 10]]);
  });
});

test('without a key the reader warns that the checkpoint is not verified, and still checks the tree', async () => {
  await withServer({}, async (s) => {
    const warnings: string[] = [];
    const r = new TiledLogReader({ name: 'bare', url: s.tiledUrl, http: fastHttp(), warn: (m) => warnings.push(m) });
    assert.ok((await r.head()).ok);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /NOT verified/);
  });
});

test('a checkpoint signed by another key is refused', async () => {
  await withServer({}, async (s) => {
    await withServer({}, async (other) => {
      const r = new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: keyOf(other), http: fastHttp(), warn: () => {} });
      const head = await r.head();
      assert.ok(!head.ok);
      assert.match(head.message, /no signature by key|does not verify/);
    });
  });
});

test('a data tile with one flipped byte fails at that tile with a clear message, after the good tiles', async () => {
  await withServer({ tamperTile: true }, async (s) => {
    const r = new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: keyOf(s), http: fastHttp(), warn: () => {} });
    assert.ok((await r.head()).ok);
    const batches = await readAll(r, 0, 1024);
    assert.equal(batches.length, 2);
    const last = batches[1]!;
    assert.ok('failed' in last);
    assert.equal(last.at, 256);
    assert.match(last.message, /navigli: data tile 1: entry 2\d\d: (leaf hash does not match|.*corrupt)/);
  });
});
