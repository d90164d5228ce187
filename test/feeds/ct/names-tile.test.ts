import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Name } from '../../../src/engine/index.js';
import { maybeGunzip, LogHttp } from '../../../src/feeds/ct/http.js';
import { readTileLeaf } from '../../../src/feeds/ct/leaf.js';
import { namesOfEntry, namesOfNamed } from '../../../src/feeds/ct/names.js';
import { readNamesTile } from '../../../src/feeds/ct/names-tile.js';
import { TiledLogReader } from '../../../src/feeds/ct/tiles.js';
import { ctFeed } from '../../../src/feeds/ct/feed.js';
import { NAVIGLI, NAVIGLI_PARTIAL, NAVIGLI_TILES, SHARED_CT, navigliDataTile } from '../../support/ct-data.js';
import { serverKey, startCtServer } from '../../support/ct-server.js';

test("rome2026h1's gzipped names tile is undone, read, and refused for holding 1 line where its tile has 256 entries", () => {
  const raw = readFileSync(`${SHARED_CT}rome2026h1-test/tile/names/000`);
  assert.equal(raw[0], 0x1f, 'stored gzipped');
  const body = maybeGunzip(raw, 1 << 20);
  assert.ok(Buffer.isBuffer(body));
  assert.deepEqual(readNamesTile(body, 256, 0), { ok: false, message: '1 lines for 256 entries' });
  const one = readNamesTile(body, 1, 0);
  assert.ok(one.ok);
  assert.deepEqual(one.entries, [{ index: 0, timestamp: undefined, commonName: undefined, dnsNames: ['example.org'] }]);
});

test('navigli names tiles give, entry for entry, the names and times the DER reader finds in the data tiles', () => {
  for (const [t, width] of [...NAVIGLI_TILES.map((x) => [x, 256] as const), [NAVIGLI_PARTIAL, 10] as const]) {
    const first = Number(t.slice(0, 3)) * 256;
    const r = readNamesTile(readFileSync(`${NAVIGLI}tile/names/${t}`), width, first);
    assert.ok(r.ok, r.ok ? '' : r.message);
    const fromNames: Name[] = [];
    namesOfNamed('ct:n', r.entries, 'never', fromNames);
    const fromData: Name[] = [];
    const data = navigliDataTile(t);
    for (let p = 0, i = 0; p < data.length; i++) {
      const e = readTileLeaf(data, p);
      assert.ok(e.ok);
      p = e.next;
      assert.equal(namesOfEntry('ct:n', first + i, e.entry, fromData), undefined);
    }
    const key = (n: Name): string => `${n.provenance.position} ${n.provenance.seenAt} ${n.name}`;
    assert.deepEqual(fromNames.map(key), fromData.map(key), `tile ${t}`);
  }
});

test('broken names-tile lines refuse the tile with the line and entry named', () => {
  const lines = readFileSync(`${NAVIGLI}tile/names/000`, 'utf8').split('\n').slice(0, 3);
  assert.deepEqual(readNamesTile(Buffer.from([lines[0], '{"DNS": [1]}', lines[2]].join('\n')), 3, 512), { ok: false, message: 'line 2 (entry 513): DNS is not a list of strings' });
  assert.deepEqual(readNamesTile(Buffer.from([lines[0], lines[1], '{"DNS": ["a.b"'].join('\n')), 3, 0), { ok: false, message: 'line 3 (entry 2): not JSON' });
});

async function readAll(namesTiles: boolean, short: boolean): Promise<{ names: string[]; certs: number; warnings: string[] }> {
  const s = await startCtServer({ namesTiles, shortNamesTile: short });
  try {
    const warnings: string[] = [];
    const reader = new TiledLogReader({ name: 'navigli', url: s.tiledUrl, key: serverKey(s), http: new LogHttp({ baseDelayMs: 1 }), warn: (m) => warnings.push(m), namesTiles: true });
    const names: string[] = [];
    let certs = 0;
    for await (const b of ctFeed({ reader, from: 0, once: true, warn: (m) => warnings.push(m) })) {
      for (const n of b.names) {
        names.push(`${n.provenance.position} ${n.name}`);
        if (n.provenance.cert !== undefined) certs++;
      }
    }
    return { names, certs, warnings };
  } finally {
    await s.close();
  }
}

test('a tiled log read through its names tiles gives the names of its data tiles; a short names tile or none falls back to data tiles', async () => {
  const data = await readAll(false, false);
  assert.match(data.warnings.join('\n'), /serves no names tiles .*HTTP 404.*; reading data tiles/);
  assert.equal(data.warnings.filter((w) => w.includes('names tile')).length, 1, 'the 404 is warned about once');
  assert.equal(data.certs, data.names.length, 'data tiles give certificate details');

  const named = await readAll(true, false);
  assert.deepEqual(named.names, data.names);
  assert.equal(named.certs, 0, 'names tiles give no certificate details');
  assert.deepEqual(named.warnings, []);

  const short = await readAll(true, true);
  assert.deepEqual(short.names, data.names);
  assert.match(short.warnings.join('\n'), /names tile 2: 255 lines for 256 entries; reading the data tile/);
  assert.ok(short.certs > 0 && short.certs < data.certs, 'only tile 2 came from its data tile');
});
