/** One contract for both kinds of CT log reader, run against the same real entries served locally. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogHttp } from '../../../src/feeds/ct/http.js';
import { readCertificate, readTbsCertificate } from '../../../src/feeds/ct/der.js';
import { TiledLogReader } from '../../../src/feeds/ct/tiles.js';
import { Rfc6962Reader } from '../../../src/feeds/ct/rfc6962.js';
import type { CtLogReader } from '../../../src/feeds/ct/reader.js';
import { serverKey, startCtServer, type CtServer } from '../../support/ct-server.js';
import { NAVIGLI_TILES, navigliNames } from '../../support/ct-data.js';

const expected = NAVIGLI_TILES.flatMap((t) => navigliNames(t)).map((l) => (l.DNS ?? []).join(','));

const kinds: Record<string, (s: CtServer) => CtLogReader> = {
  tiles: (s) => new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: serverKey(s), http: new LogHttp({ baseDelayMs: 1 }), warn: () => {} }),
  rfc6962: (s) => new Rfc6962Reader({ name: 'navigli', url: s.rfcUrl, key: serverKey(s), http: new LogHttp({ baseDelayMs: 1 }), warn: () => {}, batchSize: 100 }),
};

for (const [kind, make] of Object.entries(kinds)) {
  test(`${kind}: every entry's SANs equal the log's names tile, each index exactly once`, async () => {
    const s = await startCtServer({ maxBatch: 64 });
    try {
      const r = make(s);
      const head = await r.head();
      assert.ok(head.ok, head.ok ? '' : head.message);
      const seen: string[] = [];
      let next = 300;
      for await (const b of r.read(300, head.size)) {
        assert.ok(!('failed' in b), 'failed' in b ? b.message : '');
        assert.equal(b.start, next);
        next = b.end;
        assert.equal(b.bad.length, 0);
        for (const { index, entry } of b.entries) {
          const f = entry.precert ? readTbsCertificate(entry.cert) : readCertificate(entry.cert);
          assert.ok(f.ok, `${kind} ${index}`);
          seen[index] = f.fields.dnsNames.join(',');
        }
      }
      assert.equal(next, 1024);
      assert.deepEqual(seen.slice(300), expected.slice(300));
    } finally {
      await s.close();
    }
  });
}

test('rfc6962: a smaller cap than asked shrinks the batch; a 429 is retried; garbage entries are counted with their index', async () => {
  const s = await startCtServer({ maxBatch: 50, throttleAt: [0, 150], garbageAt: [7, 500] });
  const retries: string[] = [];
  try {
    const r = new Rfc6962Reader({ name: 'navigli', url: s.rfcUrl, http: new LogHttp({ baseDelayMs: 1, onRetry: (m) => retries.push(m) }), warn: () => {}, batchSize: 400 });
    const head = await r.head();
    assert.ok(head.ok);
    const bad = [];
    let entries = 0;
    let x509 = 0;
    for await (const b of r.read(0, head.size)) {
      assert.ok(!('failed' in b));
      assert.ok(b.end - b.start <= 50);
      bad.push(...b.bad);
      entries += b.entries.length;
      x509 += b.entries.filter((e) => !e.entry.precert).length;
    }
    assert.equal(r.batchSize, 50);
    assert.equal(s.stats.throttled, 2);
    assert.equal(retries.length, 2);
    assert.match(retries[0]!, /HTTP 429; retry 1/);
    assert.deepEqual(bad.map((b) => b.index), [7, 500]);
    assert.match(bad[0]!.message, /leaf_input: truncated/);
    assert.equal(entries, 1022);
    assert.ok(x509 > 300 && x509 < entries, 'both X.509 and precert entries were served');
  } finally {
    await s.close();
  }
});

test('rfc6962: an STH signed by another key is refused; without a key a warning says it is not verified', async () => {
  const s = await startCtServer();
  const other = await startCtServer();
  try {
    const wrong = new Rfc6962Reader({ name: 'n', url: s.rfcUrl, key: serverKey(other), http: new LogHttp(), warn: () => {} });
    const h = await wrong.head();
    assert.ok(!h.ok);
    assert.match(h.message, /does not verify/);
    const warnings: string[] = [];
    const bare = new Rfc6962Reader({ name: 'n', url: s.rfcUrl, http: new LogHttp(), warn: (m) => warnings.push(m) });
    assert.ok((await bare.head()).ok);
    assert.match(warnings.join(''), /NOT verified/);
  } finally {
    await s.close();
    await other.close();
  }
});
