import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { csvRows, detectFormat, parseCsv, parseIntel } from '../../../src/intel/import/index.js';
import { sharedData } from '../shared-data.js';

test('the GRIZZLY STEPPE JAR list imports its IPs, with the 2017 address at its line (547), attributed to the report', () => {
  const file = sharedData('grizzly-steppe/JAR-16-20296A.csv');
  const b = parseIntel(readFileSync(file, 'utf8'), file);
  assert.equal(b.format, 'csv');
  assert.equal(b.indicators.filter((i) => i.kind === 'ip').length, 876);
  const ip = b.indicators.find((i) => i.value === '194.187.249.135');
  assert.equal(ip?.origin.position, 'line 547');
  assert.equal(ip?.actor, 'Grizzly Steppe');
  assert.match(ip?.report ?? '', /JAR-16-20296A/);
  assert.ok(b.indicators.filter((i) => i.kind === 'hash').length >= 24, 'hashes given only in the comment column are kept');
});

test('quoted fields with commas, quotes and line breaks stay one field', () => {
  const rows = csvRows('a,b\n"x, ""y""\nz",2\r\n3,4');
  assert.deepEqual(rows.map((r) => r.fields), [['a', 'b'], ['x, "y"\nz', '2'], ['3', '4']]);
  assert.deepEqual(rows.map((r) => r.line), [1, 2, 4]);
});

test('csv rows re-read from their own quoting are the same rows', () => {
  const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', 'b', ' ') });
  fc.assert(fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
    const text = rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\n');
    assert.deepEqual(csvRows(text).map((r) => r.fields), rows);
  }));
});

test('a CSV with bad rows reports them by line and keeps the others, with the actor given by the caller', () => {
  const b = parseCsv('value,type\n1.2.3.4,ip-dst\n999.1.1.1,ip-dst\n,domain\nbad.example,domain\n', 'l.csv', { actor: 'Someone' });
  assert.deepEqual(b.indicators.map((i) => [i.value, i.actor]), [['1.2.3.4', 'Someone'], ['bad.example', 'Someone']]);
  assert.deepEqual(b.issues.map((i) => i.position), ['line 3', 'line 4']);
});

test('formats are detected from content', () => {
  const read = (p: string) => readFileSync(sharedData(p), 'utf8');
  assert.equal(detectFormat(read('stix/unit42/cve-2023-23397.json')), 'stix');
  assert.equal(detectFormat(read('misp/citizenlab/201702_NilePhish/misp.json')), 'misp');
  assert.equal(detectFormat(read('misp-galaxy/threat-actor.json')), 'misp-galaxy');
  assert.equal(detectFormat(read('actors/maltrail/apt_sofacy.txt')), 'maltrail');
  assert.equal(detectFormat(read('grizzly-steppe/JAR-16-20296A.csv')), 'csv');
  assert.equal(detectFormat(read('misp/citizenlab/201702_NilePhish/iocs.csv')), 'csv');
});
