import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ActorResolver, normaliseActorName } from '../../src/intel/actor-identity.js';
import { parseIntel } from '../../src/intel/import/index.js';
import type { ActorRecord } from '../../src/intel/types.js';
import { sharedData } from './shared-data.js';

function records(...files: string[]): ActorRecord[] {
  return files.flatMap((f) => parseIntel(readFileSync(sharedData(f), 'utf8'), f).actors);
}

test('names compare without case, spaces, hyphens or underscores', () => {
  assert.equal(normaliseActorName('APT 28'), normaliseActorName('apt-28'));
  assert.equal(normaliseActorName('Threat_Group-4127'), 'threatgroup4127');
});

test('galaxy, MITRE and maltrail names of APT28 are one actor', () => {
  const r = new ActorResolver(records('misp-galaxy/threat-actor.json', 'misp-galaxy/mitre-intrusion-set.json', 'actors/maltrail/apt_sofacy.txt'));
  const ids = ['Fancy Bear', 'Sofacy', 'Pawn Storm', 'STRONTIUM', 'APT28', 'apt 28', 'G0007', 'zebrocy'].map((n) => r.resolve(n));
  for (const id of ids) assert.deepEqual(id, ids[0]);
  assert.equal(ids[0]?.length, 1);
  assert.deepEqual(r.bind('maltrail', 'sofacy'), ids[0]?.[0]);
  assert.equal(r.identity(ids[0]?.[0] ?? -1).name, 'APT28');
});

test('a synonym two galaxy actors share stays ambiguous and does not merge them', () => {
  const r = new ActorResolver(records('misp-galaxy/threat-actor.json'));
  const grizzly = r.resolve('Grizzly Steppe').map((id) => r.identity(id).name).sort();
  assert.deepEqual(grizzly, ['APT28', 'APT29']);
  assert.notDeepEqual(r.resolve('Fancy Bear'), r.resolve('Cozy Bear'));
});

test('two records of one namespace never merge through a third source', () => {
  const rec = (namespace: string, name: string, synonyms: string[]): ActorRecord => ({ name, synonyms, namespace, origin: { source: 't', position: 'p' } });
  const r = new ActorResolver([rec('g', 'Alpha', ['A1']), rec('g', 'Beta', ['B1']), rec('maltrail', 'mixed', ['A1', 'B1'])]);
  assert.notDeepEqual(r.resolve('Alpha'), r.resolve('Beta'));
  assert.equal(r.resolve('B1').length, 2, 'the name that would have merged them resolves to both');
  assert.equal(r.resolve('unknown').length, 0);
});
