import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { readCertificate, readTbsCertificate, WANT_NAMES } from '../../../src/feeds/ct/der.js';
import { readTileLeaf, type LeafEntry } from '../../../src/feeds/ct/leaf.js';
import { NAVIGLI_PARTIAL, NAVIGLI_TILES, navigliDataTile, navigliNames, type NamesLine } from '../../support/ct-data.js';

interface Pair {
  readonly entry: LeafEntry;
  readonly names: NamesLine;
}

function loadPairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const tile of [...NAVIGLI_TILES, NAVIGLI_PARTIAL]) {
    const data = navigliDataTile(tile);
    const names = navigliNames(tile);
    let p = 0;
    for (const line of names) {
      const r = readTileLeaf(data, p);
      assert.ok(r.ok, `tile ${tile} entry at byte ${p}: ${r.ok ? '' : r.error.message}`);
      pairs.push({ entry: r.entry, names: line });
      p = r.next;
    }
    assert.equal(p, data.length, `tile ${tile} has bytes after its last names-tile entry`);
  }
  return pairs;
}

const pairs = loadPairs();

test('every precertificate TBS gives the CN and DNS SANs the log wrote in its names tile', () => {
  assert.equal(pairs.length, 1034);
  for (const [i, { entry, names }] of pairs.entries()) {
    const r = entry.precert ? readTbsCertificate(entry.cert) : readCertificate(entry.cert);
    assert.ok(r.ok, `entry ${i}: ${r.ok ? '' : r.error.message}`);
    assert.equal(r.fields.commonName, names.Subject?.CommonName, `entry ${i} CN`);
    assert.deepEqual(r.fields.dnsNames, names.DNS ?? [], `entry ${i} SANs`);
    assert.equal(entry.timestamp, names.Timestamp, `entry ${i} timestamp`);
  }
});

function subjectField(dn: string | undefined, key: string): string | undefined {
  const line = dn?.split('\n').findLast((l) => l.startsWith(`${key}=`));
  return line?.slice(key.length + 1);
}

test('on the real X.509 precertificates, the reader agrees with crypto.X509Certificate', () => {
  let checked = 0;
  for (const [i, { entry }] of pairs.entries()) {
    const der = entry.preCertificate;
    if (der === undefined) continue;
    const x = new X509Certificate(der);
    const r = readCertificate(der);
    assert.ok(r.ok, `entry ${i}: ${r.ok ? '' : r.error.message}`);
    const f = r.fields;
    assert.equal(f.commonName, subjectField(x.subject, 'CN'), `entry ${i} CN`);
    const sans = (x.subjectAltName ?? '').split(', ').filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
    assert.deepEqual(f.dnsNames, sans, `entry ${i} SANs`);
    assert.equal(f.issuerCN, subjectField(x.issuer, 'CN'), `entry ${i} issuer CN`);
    assert.equal(f.issuerO, subjectField(x.issuer, 'O'), `entry ${i} issuer O`);
    assert.equal(f.notBefore, new Date(x.validFrom).toISOString().replace('.000Z', 'Z'), `entry ${i} notBefore`);
    assert.equal(f.notAfter, new Date(x.validTo).toISOString().replace('.000Z', 'Z'), `entry ${i} notAfter`);
    checked++;
  }
  assert.equal(checked, pairs.length);
});

test('asking for names only leaves issuer and validity undefined', () => {
  const r = readTbsCertificate(pairs[0]!.entry.cert, WANT_NAMES);
  assert.ok(r.ok);
  assert.equal(r.fields.issuerCN, undefined);
  assert.equal(r.fields.notBefore, undefined);
  assert.ok(r.fields.dnsNames.length > 0);
});

test('random bytes never throw and either parse or give a typed error inside the input', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      for (const r of [readCertificate(bytes), readTbsCertificate(bytes)]) {
        if (!r.ok) {
          assert.ok(r.error.offset >= 0 && r.error.offset <= bytes.length);
          assert.match(r.error.message, /at byte \d+/);
        }
      }
    }),
    { numRuns: 3000 },
  );
});

test('every truncation of a real certificate is refused with an error, never a throw', () => {
  const der = pairs[5]!.entry.preCertificate!;
  for (let n = 0; n < der.length; n++) {
    const r = readCertificate(der.subarray(0, n));
    assert.equal(r.ok, false, `truncated to ${n} bytes`);
  }
});

test('bit flips and byte overwrites in real certificates never throw', () => {
  const ders = pairs.slice(0, 50).map((p) => p.entry.cert);
  fc.assert(
    fc.property(fc.nat(ders.length - 1), fc.nat(), fc.integer({ min: 0, max: 255 }), (which, at, value) => {
      const der = Uint8Array.from(ders[which]!);
      der[at % der.length] = value;
      const r = readTbsCertificate(der);
      if (r.ok) assert.ok(Array.isArray(r.fields.dnsNames));
    }),
    { numRuns: 5000 },
  );
});

test('a long-form length of more than four bytes and an indefinite length are refused', () => {
  const r1 = readCertificate(Uint8Array.from([0x30, 0x85, 1, 0, 0, 0, 0]));
  assert.ok(!r1.ok && r1.error.code === 'bad-length');
  const r2 = readCertificate(Uint8Array.from([0x30, 0x80, 0, 0]));
  assert.ok(!r2.ok && r2.error.code === 'bad-length');
  const r3 = readCertificate(Uint8Array.from([0x31, 0x00]));
  assert.ok(!r3.ok && r3.error.code === 'bad-tag' && r3.error.offset === 0);
});
