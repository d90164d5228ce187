import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadAsnFile, parseAsnCsv, splitCsvLine, ipv4ToInt, intToIpv4, SHIPPED_ASN_CSV } from '../../../src/enrich/asn/index.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/ip2asn/asn-ipv4.csv.gz', import.meta.url));

test('the shared database loads whole, and the shipped copy is the same file', async () => {
  const shared = await loadAsnFile(SHARED);
  assert.equal(shared.rows, 411961);
  assert.equal(shared.skipped, 0);
  // 215.0.0.0-215.1.3.255 overlaps 214.95.0.0-215.0.255.255 upstream: it keeps 215.1.0.0 onwards
  assert.equal(shared.clipped, 1);
  assert.equal(shared.table.lookup('215.0.5.5')?.asn, 749);
  assert.equal(shared.table.lookup('215.1.2.3')?.asn, 721);
  assert.equal(shared.table.lookup('215.1.2.3')?.first, '215.1.0.0');
  const shipped = await loadAsnFile(SHIPPED_ASN_CSV);
  assert.equal(shipped.rows, shared.rows);

  const t = shared.table;
  // first, last and quoted rows of the file
  assert.deepEqual(t.lookup('1.0.0.0'), { asn: 13335, org: 'Cloudflare, Inc.', first: '1.0.0.0', last: '1.0.0.255' });
  assert.deepEqual(t.lookup('1.0.0.255'), { asn: 13335, org: 'Cloudflare, Inc.', first: '1.0.0.0', last: '1.0.0.255' });
  assert.equal(t.lookup('8.8.8.8')?.asn, 15169);
  assert.equal(t.lookup('8.8.8.8')?.org, 'Google LLC');
  assert.equal(t.lookup('13.14.200.1')?.org, 'XEROX CORPORATION');
  assert.equal(t.lookup('13.14.200.1')?.first, '13.13.0.0');
  assert.deepEqual(t.lookup('2.26.210.9'), { asn: 201907, org: 'LLC "SPUTNIK"', first: '2.26.200.0', last: '2.26.215.255' });
  assert.equal(t.lookup('223.255.254.77')?.org, 'Marina Bay Sands Pte Ltd');
  assert.equal(t.lookup('223.255.248.0')?.org, 'CDS Global Cloud Co., Ltd');
  // gaps between rows, private space and non-IPv4 find nothing
  assert.equal(t.lookup('1.0.1.0'), undefined);
  assert.equal(t.lookup('1.0.3.255'), undefined);
  assert.equal(t.lookup('10.1.2.3'), undefined);
  assert.equal(t.lookup('0.0.0.0'), undefined);
  assert.equal(t.lookup('255.255.255.255'), undefined);
  assert.equal(t.lookup('2606:4700::1'), undefined);
  assert.equal(t.lookup('1.0.0'), undefined);

});

const TINY = '5.0.0.0,5.0.0.255,3,"A, ""B"""\n1.0.0.0,1.0.0.9,1,one\n1.0.0.5,1.0.0.20,9,overlap\n1.0.0.6,1.0.0.8,7,inside\nx,1.0.0.1,2,bad\n2.0.0.0,2.0.0.0,2,two\r\n';

test('unsorted input is sorted; overlapping and unreadable rows are counted and skipped', () => {
  const r = parseAsnCsv(TINY);
  assert.equal(r.rows, 4);
  assert.equal(r.skipped, 2);
  assert.equal(r.clipped, 1);
  assert.match(r.problems.map((p) => p.reason).join('\n'), /bad address/);
  assert.match(r.problems.map((p) => p.reason).join('\n'), /inside the range before/);
  assert.equal(r.table.lookup('1.0.0.7')?.org, 'one');
  assert.equal(r.table.lookup('1.0.0.15')?.org, 'overlap');
  assert.equal(r.table.lookup('1.0.0.15')?.first, '1.0.0.10');
  assert.equal(r.table.lookup('2.0.0.0')?.org, 'two');
  assert.equal(r.table.lookup('5.0.0.128')?.org, 'A, "B"');
});

test('lookups agree with a linear scan on random tables, across /16 boundaries', () => {
  const range = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 20 }));
  fc.assert(
    fc.property(fc.array(range, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 50 }), (raw, probes) => {
      // make the ranges disjoint: sort, then drop any overlapping its predecessor
      const rows: [number, number][] = [];
      for (const [a, len] of raw.sort((x, y) => x[0] - y[0])) {
        const b = Math.min(2 ** 32 - 1, a + len);
        if (rows.length === 0 || a > (rows.at(-1)?.[1] ?? -1)) rows.push([a, b]);
      }
      const csv = rows.map(([a, b], i) => `${intToIpv4(a)},${intToIpv4(b)},${i + 1},org${i}`).join('\n');
      const t = parseAsnCsv(csv).table;
      for (const n of [...probes, ...rows.flatMap(([a, b]) => [a, b, a - 1, b + 1])]) {
        if (n < 0 || n > 2 ** 32 - 1) continue;
        const scan = rows.findIndex(([a, b]) => n >= a && n <= b);
        assert.equal(t.lookup(intToIpv4(n))?.asn, scan < 0 ? undefined : scan + 1, intToIpv4(n));
      }
    }),
  );
});

test('CSV fields keep quoted commas and doubled quotes', () => {
  assert.deepEqual(splitCsvLine('a,"b,c",d'), ['a', 'b,c', 'd']);
  assert.deepEqual(splitCsvLine('"x ""y"""'), ['x "y"']);
  assert.deepEqual(splitCsvLine('a,,b'), ['a', '', 'b']);
});

test('ipv4ToInt agrees with intToIpv4 and refuses what is not a dotted quad', () => {
  fc.assert(fc.property(fc.ipV4(), (ip) => assert.equal(intToIpv4(ipv4ToInt(ip)), ip)));
  for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1..2.3', '1.2.3.a', ' 1.2.3.4', '1234.1.1.1']) assert.equal(ipv4ToInt(bad), -1, bad);
});
