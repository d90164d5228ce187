import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseStix, parseStixPattern } from '../../../src/intel/import/index.js';
import { sharedData } from '../shared-data.js';

test('a pattern of OR-combined domain and IP comparisons yields every value, normalised', () => {
  const r = parseStixPattern("[domain-name:value = 'Evil.EXAMPLE.com' OR domain-name:value = 'b.example.org'] OR [ipv4-addr:value = '10.0.0.1']");
  assert.ok(r.ok);
  assert.deepEqual(r.values, [
    { kind: 'domain', value: 'evil.example.com' },
    { kind: 'domain', value: 'b.example.org' },
    { kind: 'ip', value: '10.0.0.1' },
  ]);
});

test('a pattern with an escaped quote, an IN list and an unsupported comparison keeps what it can', () => {
  const r = parseStixPattern("[ipv4-addr:value IN ('1.2.3.4', '5.6.7.8') AND network-traffic:dst_port = 443 AND url:value MATCHES 'x\\'y']");
  assert.ok(r.ok);
  assert.deepEqual(r.values.map((v) => v.value), ['1.2.3.4', '5.6.7.8']);
});

test('a broken pattern is an error with a reason, not a throw', () => {
  for (const bad of ["[domain-name:value = 'x.com'", "[domain-name:value = 'unterminated]", "[ipv4-addr:value = '999.1.1.1']", 'domain-name:value']) {
    const r = parseStixPattern(bad);
    assert.equal(r.ok, false, bad);
  }
});

test('the pattern parser never throws on arbitrary text', () => {
  fc.assert(fc.property(fc.string(), (s) => { parseStixPattern(s); parseStixPattern(`[${s}]`); }));
});

test('a Unit 42 bundle yields its domain indicators with the bundle as provenance', () => {
  const file = sharedData('stix/unit42-samples/2024-09-25-domains-spoofing-Deribit.json');
  const b = parseStix(readFileSync(file, 'utf8'), file);
  assert.equal(b.issues.length, 0);
  assert.equal(b.indicators.filter((i) => i.kind === 'domain').length, 14);
  assert.ok(b.indicators.every((i) => i.origin.source === file && /^objects\[\d+\]$/.test(i.origin.position)));
  assert.ok(b.indicators.every((i) => i.report !== undefined), 'each indicator names the report that lists it');
});

test('the ATT&CK G0007 intrusion set gives APT28 with its aliases and group id', () => {
  const file = sharedData('stix/mitre-attack/intrusion-set--G0007-APT28.json');
  const b = parseStix(readFileSync(file, 'utf8'), file);
  const apt28 = b.actors.find((a) => a.name === 'APT28');
  assert.ok(apt28);
  for (const alias of ['Pawn Storm', 'Fancy Bear', 'STRONTIUM', 'Sofacy', 'G0007']) assert.ok(apt28.synonyms.includes(alias), alias);
});

test('indicators follow indicates and attributed-to to their intrusion set', () => {
  const bundle = {
    type: 'bundle',
    id: 'bundle--1',
    objects: [
      { type: 'intrusion-set', id: 'intrusion-set--a', name: 'Example Bear', aliases: ['EB'] },
      { type: 'campaign', id: 'campaign--c', name: 'Spring' },
      { type: 'indicator', id: 'indicator--1', pattern: "[domain-name:value = 'a.example']", pattern_type: 'stix', valid_from: '2017-04-01T00:00:00Z' },
      { type: 'indicator', id: 'indicator--2', pattern: "[ipv4-addr:value = '300.1.1.1']", pattern_type: 'stix' },
      { type: 'relationship', id: 'relationship--1', relationship_type: 'indicates', source_ref: 'indicator--1', target_ref: 'campaign--c' },
      { type: 'relationship', id: 'relationship--2', relationship_type: 'attributed-to', source_ref: 'campaign--c', target_ref: 'intrusion-set--a' },
      { type: 'relationship', id: 'relationship--3' },
      'junk',
    ],
  };
  const b = parseStix(JSON.stringify(bundle), 'mem.json');
  assert.deepEqual(b.indicators.map((i) => [i.value, i.actor, i.observed]), [['a.example', 'Example Bear', '2017-04-01T00:00:00Z']]);
  assert.deepEqual(b.issues.map((i) => i.position).sort(), ['objects[3].pattern', 'objects[6]', 'objects[7]']);
});

test('a file that is not JSON is one issue naming line and column', () => {
  const b = parseStix('{\n  "type": "bundle",\n  "objects": [ oops ]\n}', 'bad.json');
  assert.equal(b.indicators.length, 0);
  assert.equal(b.issues.length, 1);
  assert.match(b.issues[0]?.position ?? '', /^line 3 column \d+$/);
});
