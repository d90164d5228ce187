import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseMisp, parseMispGalaxy } from '../../../src/intel/import/index.js';
import { sharedData } from '../shared-data.js';

test('an ESET Sednit MISP event is attributed to its galaxy cluster, without recipients as infrastructure', () => {
  const file = sharedData('actors/eset-sednit/2018-11-20_Zebrocy.json');
  const b = parseMisp(readFileSync(file, 'utf8'), file);
  assert.equal(b.issues.length, 0);
  assert.ok(b.indicators.length > 0);
  assert.ok(b.indicators.every((i) => i.actor === 'Sofacy' && i.report === 'Zebrocy blogpost November 2018'));
  assert.ok(b.indicators.every((i) => /^events\[0\]\.(Object\[\d+\]\.)?Attribute\[\d+\]$/.test(i.origin.position)));
  assert.equal(b.indicators.filter((i) => i.kind === 'email').length, 4, 'the four sender addresses, not the seven recipients');
  const sofacy = b.actors.find((a) => a.name === 'Sofacy');
  assert.ok(sofacy?.synonyms.includes('Fancy Bear'));
});

test('a Citizen Lab event without an actor still yields its domains, IPs and sender addresses', () => {
  const file = sharedData('misp/citizenlab/201705_TaintedLeaks/misp.json');
  const b = parseMisp(readFileSync(file, 'utf8'), file);
  const kinds = b.indicators.map((i) => i.kind).sort();
  assert.deepEqual(kinds, ['domain', 'domain', 'domain', 'domain', 'domain', 'domain', 'email', 'email', 'email', 'ip', 'ip', 'ip']);
  assert.ok(b.indicators.some((i) => i.value === 'mail-google-login.blogspot.com'));
  assert.ok(b.indicators.every((i) => i.actor === undefined && i.observed === '2017-05-25'));
});

test('bad attributes are reported by position and the rest imported', () => {
  const ev = { Event: { info: 'x', Attribute: [{ type: 'domain', value: 'ok.example' }, { type: 'ip-dst', value: 'not-an-ip' }, 7, { type: 'domain' }] } };
  const b = parseMisp(JSON.stringify(ev), 'e.json');
  assert.deepEqual(b.indicators.map((i) => i.value), ['ok.example']);
  assert.deepEqual(b.issues.map((i) => i.position), ['events[0].Attribute[1]', 'events[0].Attribute[2]', 'events[0].Attribute[3]']);
});

test('the galaxy threat-actor cluster lists APT28 with its synonyms', () => {
  const file = sharedData('misp-galaxy/threat-actor.json');
  const b = parseMispGalaxy(readFileSync(file, 'utf8'), file);
  assert.ok(b.actors.length > 1000);
  const apt28 = b.actors.find((a) => a.name === 'APT28');
  for (const s of ['Pawn Storm', 'Fancy Bear', 'Sofacy', 'STRONTIUM']) assert.ok(apt28?.synonyms.includes(s), s);
  assert.equal(apt28?.namespace, 'misp-galaxy:threat-actor');
});

test('the MITRE intrusion-set cluster splits "APT28 - G0007" into its name and id', () => {
  const file = sharedData('misp-galaxy/mitre-intrusion-set.json');
  const b = parseMispGalaxy(readFileSync(file, 'utf8'), file);
  const g = b.actors.find((a) => a.name === 'APT28 - G0007');
  assert.ok(g?.synonyms.includes('APT28') && g.synonyms.includes('G0007'));
});
