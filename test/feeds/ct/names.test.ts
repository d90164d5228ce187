import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import type { Name } from '../../../src/engine/index.js';
import { readTileLeaf, type LeafEntry } from '../../../src/feeds/ct/leaf.js';
import { namesOfEntry, plainProvenance } from '../../../src/feeds/ct/names.js';
import { NAVIGLI_TILES, navigliDataTile, navigliNames } from '../../support/ct-data.js';

const entries: LeafEntry[] = [];
for (const t of NAVIGLI_TILES) {
  const data = navigliDataTile(t);
  for (let p = 0; p < data.length; ) {
    const r = readTileLeaf(data, p);
    assert.ok(r.ok);
    entries.push(r.entry);
    p = r.next;
  }
}
const lines = NAVIGLI_TILES.flatMap((t) => navigliNames(t));

function namesOf(i: number): Name[] {
  const out: Name[] = [];
  assert.equal(namesOfEntry('ct:navigli', i, entries[i]!, out), undefined);
  return out;
}

test("each certificate's names are the log's own names, once each, with *.x dropped beside x", () => {
  for (const [i, line] of lines.entries()) {
    const cn = line.Subject?.CommonName;
    const all = [...(cn !== undefined && cn.includes('.') && !cn.includes(' ') ? [cn] : []), ...(line.DNS ?? [])];
    const want = [...new Set(all)].filter((n) => !(n.startsWith('*.') && all.includes(n.slice(2))));
    assert.deepEqual(namesOf(i).map((n) => n.name).sort(), want.sort(), `entry ${i}`);
  }
  assert.ok(lines.some((l) => (l.DNS ?? []).some((n) => n.startsWith('*.') && l.DNS!.includes(n.slice(2)))), 'the data holds a *.x beside an x');
});

test('the provenance computed on demand equals X509Certificate and SHA-256 of the logged bytes, and survives JSON and cloning', () => {
  for (const i of [0, 1, 257, 600, 1023]) {
    const e = entries[i]!;
    const [n] = namesOf(i);
    assert.ok(n !== undefined);
    const x = new X509Certificate(e.preCertificate!);
    const p = n.provenance;
    assert.equal(p.position, String(i));
    assert.equal(p.seenAt, new Date(lines[i]!.Timestamp).toISOString());
    assert.equal(p.cert?.fingerprint, createHash('sha256').update(e.cert).digest('hex'));
    assert.equal(p.cert?.precert, true);
    assert.equal(p.cert?.notBefore, new Date(x.validFrom).toISOString().replace('.000Z', 'Z'));
    assert.equal(p.cert?.notAfter, new Date(x.validTo).toISOString().replace('.000Z', 'Z'));
    const issuerCN = /CN=([^\n]+)/.exec(x.issuer)?.[1];
    assert.ok(issuerCN !== undefined && p.cert?.issuer?.startsWith(issuerCN), `${p.cert?.issuer} vs ${x.issuer}`);
    const plain = plainProvenance(p);
    assert.deepEqual(JSON.parse(JSON.stringify(p)), plain);
    assert.deepEqual(structuredClone(plain), plain);
    assert.equal(plain.cert?.fingerprint, p.cert?.fingerprint);
  }
});
