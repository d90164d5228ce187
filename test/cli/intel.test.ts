import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/index.js';
import { captureIO } from '../support/cli.js';

const shared = (p: string) => fileURLToPath(new URL(`../../../shared/data/${p}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'squatwatch-intel-cli-'));
const db = join(dir, 'intel.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const FILES = [
  shared('misp-galaxy/threat-actor.json'),
  shared('grizzly-steppe/JAR-16-20296A.csv'),
  shared('actors/maltrail/apt_sofacy.txt'),
  shared('actors/maltrail/apt_turla.txt'),
  shared('actors/maltrail/apt_sandworm.txt'),
];
// an actor file whose names carry terminal escapes, as a hostile feed might
const hostile = join(dir, 'apt_evil.txt');
const ADDRESS_FACT = { subject: 'portal-office.fr', fact: 'a', value: '194.187.249.135', observed: '2017-04', source: 'ThreatConnect' };

async function cli(args: string[], stdin = '') {
  const c = captureIO(stdin);
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

before(async () => {
  writeFileSync(hostile, '# Aliases: evil\u001b[2J bear\n\nevil\u001b]0;pwned\u0007-login.com\nevil-login.com\n');
  const r = await cli(['intel', 'import', '--db', db, ...FILES, hostile]);
  assert.equal(r.code, 0, r.err);
});

test('intel import prints each file with what it imported and skipped; an unreadable file makes exit 2 but the others are imported', async () => {
  const bad = join(dir, 'broken.json');
  writeFileSync(bad, '{"type": "bundle", "objects": [');
  const r = await cli(['intel', 'import', '--db', join(dir, 'other.db'), shared('actors/maltrail/apt_turla.txt'), bad, join(dir, 'missing.csv')]);
  assert.equal(r.code, 2);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0] ?? '', /apt_turla\.txt: imported as maltrail: \d+ indicators, 1 actors, 0 records skipped/);
  assert.match(lines[1] ?? '', /broken\.json: not imported/);
  assert.match(r.err, /broken\.json: line 1 column \d+: skipped: invalid JSON/);
  assert.match(r.err, /missing\.csv: whole file: skipped: cannot read/);
  assert.match(r.err, /1 of 3 files imported/);
});

test('intel import names the position and reason of each bad record, escaped', async () => {
  const r = await cli(['intel', 'import', '--db', db, hostile]);
  assert.equal(r.code, 0);
  assert.match(r.out, /apt_evil\.txt: replaced as maltrail: 1 indicators, 1 actors, 1 records skipped/);
  assert.match(r.err, /apt_evil\.txt: line 3: skipped: not a domain/);
  assert.ok(!/[\u0000-\u0008\u001b]/.test(r.out + r.err), 'no raw control characters');
});

test('intel list shows the merged actors with alias and indicator counts', async () => {
  const r = await cli(['intel', 'list', '--db', db, '--format', 'json']);
  assert.equal(r.code, 0);
  const rows = JSON.parse(r.out) as { actor: string; aliases: string[]; indicators: number; counts: Record<string, number> }[];
  const apt28 = rows.find((a) => a.actor === 'APT28');
  assert.ok(apt28 !== undefined, 'APT28 listed');
  const aka = apt28.aliases.map((a) => a.toLowerCase());
  assert.ok(aka.includes('fancy bear') && aka.includes('pawn storm') && aka.includes('sofacy'), 'galaxy and maltrail names merged');
  assert.ok((apt28.counts.domain ?? 0) > 500 && (apt28.counts.ip ?? 0) > 100, JSON.stringify(apt28.counts));
  const text = await cli(['intel', 'list', '--db', db]);
  assert.match(text.out, /^APT28 {2}\d+ aliases, \d+ indicators \(/m);
  assert.ok(!text.out.includes('\u001b'), 'escaped');
});

test('attribute --format json: APT28 first, with the shared JAR address as counted evidence citing its source', async () => {
  const facts = join(dir, 'facts.jsonl');
  writeFileSync(facts, `${JSON.stringify(ADDRESS_FACT)}\nnot json\n{"subject": "x.fr"}\n`);
  const r = await cli(['attribute', '--db', db, '--format', 'json', '--facts', facts, 'accounts-office.fr', 'portal-office.fr']);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /facts\.jsonl:2: skipped: not JSON/);
  assert.match(r.err, /facts\.jsonl:3: skipped: no fact, value/);
  const out = JSON.parse(r.out) as { domain: string; attributions: { actor: string; aliases: string[]; probability: number; words: string; evidence: { fact: string; weight: number; source: string }[] }[] }[];
  assert.deepEqual(out.map((o) => o.domain), ['accounts-office.fr', 'portal-office.fr']);
  const [top, second] = out[1]?.attributions ?? [];
  assert.equal(top?.actor, 'APT28');
  assert.ok(top.probability > (second?.probability ?? 0), 'the top actor is the most probable');
  assert.ok(top.aliases.some((a) => a.toLowerCase() === 'fancy bear'), 'aliases');
  assert.ok(top.evidence.some((e) => e.fact.includes('194.187.249.135') && e.source.includes('JAR-16-20296A') && e.weight > 0), 'the shared address');
  const probabilities = out[1]?.attributions.map((a) => a.probability) ?? [];
  assert.deepEqual(probabilities, [...probabilities].sort((a, b) => b - a), 'most probable first');
});

test('attribute reads domains from stdin with -, one jsonl line per domain, and uses the facts stored in the database', async () => {
  const store = openSqliteStore(db);
  await store.addFacts([ADDRESS_FACT]);
  await store.close();
  const r = await cli(['attribute', '--db', db, '--format', 'jsonl', '-'], 'portal-office.fr\n\nno-such-actor-domain.example\n');
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { domain: string; attributions: { actor: string; evidence: { fact: string }[] }[] });
  assert.deepEqual(lines.map((l) => l.domain), ['portal-office.fr', 'no-such-actor-domain.example']);
  const top = lines[0]?.attributions[0];
  assert.equal(top?.actor, 'APT28');
  assert.ok(top.evidence.some((e) => e.fact.includes('194.187.249.135')), 'the stored fact was used');
});

test('attribute --names-only ignores infrastructure; text output escapes control characters in names from the feeds', async () => {
  const names = await cli(['attribute', '--db', db, '--format', 'json', '--names-only', 'portal-office.fr']);
  const list = JSON.parse(names.out) as { evidence: { fact: string }[] }[];
  assert.ok(list.every((a) => a.evidence.every((e) => !e.fact.includes('194.187'))), 'no address evidence');
  const text = await cli(['attribute', '--db', db, 'evil-login.com']);
  assert.match(text.out, /^evil-login\.com\n {2}evil\\u001b\[2J bear|evil\\u001b/m);
  assert.ok(!/[\u0000-\u0008\u001b]/.test(text.out), 'no raw control characters');
});

test('attribute and pivot refuse a database that does not exist, creating nothing', async () => {
  const missing = join(dir, 'nope.db');
  for (const args of [['attribute', '--db', missing, 'x.com'], ['pivot', '--db', missing, 'x.com']]) {
    const r = await cli(args);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.db: no such database/);
  }
});

test('pivot on the 2017 address lists the JAR report, both actors its label stands for, its /24 and its AS', async () => {
  const r = await cli(['pivot', '--db', db, '--format', 'jsonl', '194.187.249.135']);
  assert.equal(r.code, 1);
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; value: string; source: string; position: string });
  const seen = new Set(rows.map((n) => `${n.kind}:${n.value}`));
  assert.ok(seen.has('actor:APT28') && seen.has('actor:APT29') && seen.has('prefix:194.187.249.0/24'), [...seen].join(' '));
  assert.ok(rows.some((n) => n.kind === 'report' && n.value.includes('JAR-16-20296A') && n.position === 'line 547'), 'the JAR row');
  assert.ok(seen.has('asn:AS9009'), 'the AS from the shipped ip2asn table');
  const as = await cli(['pivot', '--db', db, '--format', 'jsonl', 'AS9009']);
  assert.equal(as.code, 1);
  assert.ok(as.out.includes('"value":"194.187.249.135"'), 'the AS lists the known addresses it announces');
  const text = await cli(['pivot', '--db', db, 'ns:']);
  assert.equal(text.code, 2);
});
