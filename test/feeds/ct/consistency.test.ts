import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { verifyConsistency } from '../../../src/feeds/ct/consistency.js';
import { LogHttp } from '../../../src/feeds/ct/http.js';
import { TiledLogReader } from '../../../src/feeds/ct/tiles.js';
import { Rfc6962Reader } from '../../../src/feeds/ct/rfc6962.js';
import type { CtLogReader, HeadResult } from '../../../src/feeds/ct/reader.js';
import { NAVIGLI, NAVIGLI_TILES } from '../../support/ct-data.js';
import { consistencyProof, mth, serverKey, startCtServer, type CtServer } from '../../support/ct-server.js';

// The real leaf hashes of the navigli log.
const level0 = Buffer.concat(NAVIGLI_TILES.map((t) => readFileSync(`${NAVIGLI}tile/0/${t}`)));
const leaves = Array.from({ length: level0.length / 32 }, (_, i) => level0.subarray(i * 32, i * 32 + 32));

test('proofs between any two sizes of the real tree verify; a flipped byte, a wrong size or a wrong root do not', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: leaves.length }), fc.integer({ min: 1, max: leaves.length }), fc.nat(), (a, b, flip) => {
      const [m, n] = a <= b ? [a, b] : [b, a];
      const proof = consistencyProof(m, leaves.slice(0, n));
      const [r1, r2] = [mth(leaves.slice(0, m)), mth(leaves.slice(0, n))];
      assert.equal(verifyConsistency(m, n, proof, r1, r2), undefined);
      if (m === n) return;
      const bad = proof.map((h) => Buffer.from(h));
      const hash = bad[flip % bad.length]!;
      hash[flip % 32] = hash[flip % 32]! ^ 1;
      assert.notEqual(verifyConsistency(m, n, bad, r1, r2), undefined);
      assert.notEqual(verifyConsistency(m, n, proof, r2, r1), undefined);
      if (m > 1) assert.notEqual(verifyConsistency(m - 1, n, proof, r1, r2), undefined);
    }),
    { numRuns: 300 },
  );
});

const sizeOf = (h: HeadResult): number | string => (h.ok ? h.size : h.message);

const kinds: Record<string, (s: CtServer) => CtLogReader> = {
  tiles: (s) => new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: serverKey(s), http: new LogHttp({ baseDelayMs: 1 }), warn: () => {} }),
  rfc6962: (s) => new Rfc6962Reader({ name: 'navigli', url: s.rfcUrl, key: serverKey(s), http: new LogHttp({ baseDelayMs: 1 }), warn: () => {} }),
};

for (const [kind, make] of Object.entries(kinds)) {
  test(`${kind}: a grown tree is accepted; one that rewrote a leaf already read is refused, and the old head stays trusted`, async () => {
    const s = await startCtServer({ size: 300 });
    try {
      const r = make(s);
      assert.equal(sizeOf(await r.head()), 300);
      s.setSize(700, 5);
      const forked = await r.head();
      assert.equal(forked.ok, false);
      assert.match(forked.ok ? '' : forked.message, /at 700 is NOT consistent with the one at 300/);
      s.setSize(1000);
      assert.equal(sizeOf(await r.head()), 1000, 'checked against 300, the last trusted head');
      s.setSize(1024);
      const honest = await r.head();
      assert.ok(honest.ok);
      assert.equal(honest.size, 1024);
      s.setSize(1024, 1020);
      assert.match(String(sizeOf(await r.head())), /NOT consistent/, 'same size, another root');
      // A reader of a later run, trusting the head this one verified, refuses the forked log too.
      const later = make(s);
      later.trust({ size: honest.size, root: honest.root });
      assert.match(String(sizeOf(await later.head())), /NOT consistent/);
      s.setSize(1024);
      assert.equal(sizeOf(await later.head()), 1024);
    } finally {
      await s.close();
    }
  });
}
