import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseMaltrail } from '../../../src/intel/import/index.js';
import { sharedData } from '../shared-data.js';

test('the APT28 trail file gives actor sofacy, its header aliases, and its domains with line and reference', () => {
  const file = sharedData('actors/maltrail/apt_sofacy.txt');
  const b = parseMaltrail(readFileSync(file, 'utf8'), file);
  const [actor] = b.actors;
  assert.equal(actor?.name, 'sofacy');
  for (const s of ['apt28', 'fancy bear', 'pawn storm', 'STRONTIUM', 'G0007']) assert.ok(actor?.synonyms.includes(s), s);
  assert.ok(b.indicators.length > 1400);
  const d = b.indicators.find((i) => i.value === 'onedrive-en-marche.fr');
  assert.equal(d?.kind, 'domain');
  assert.equal(d?.actor, 'sofacy');
  assert.match(d?.report ?? '', /vice\.com/);
  assert.match(d?.origin.position ?? '', /^line \d+$/);
  assert.ok(b.indicators.some((i) => i.value === 'gecurrenttime.com'), 'a trailing "# pDNS" note is not part of the trail');
});

test('IPs with ports, bare URLs and garbage lines', () => {
  const text = '# Aliases: x, y\n\n1.2.3.4:8080\nhttp://5.6.7.8/\n/path/only/\nnot a trail!\n';
  const b = parseMaltrail(text, 'dir/apt_example_group.txt');
  assert.equal(b.actors[0]?.name, 'example group');
  assert.deepEqual(b.indicators.map((i) => `${i.kind}:${i.value}`), ['ip:1.2.3.4', 'url:http://5.6.7.8/', 'ip:5.6.7.8', 'url:/path/only/']);
  assert.deepEqual(b.issues.map((i) => i.position), ['line 6']);
});
