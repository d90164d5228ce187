import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { run } from '../../src/cli/findings.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/index.js';
import { caseDomains, sighted } from '../store/case-2017.js';
import { captureIO } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'squatwatch-findings-'));
const db = join(dir, 'case.db');
after(() => rmSync(dir, { recursive: true, force: true }));

/** The 2017 domains, one of them seen twice and confirmed, plus an IDN whose reason carries terminal escapes. */
before(async () => {
  const store = openStore(db);
  const office = new Set(['portal-office.fr', 'accounts-office.fr']);
  await store.recordHits(
    caseDomains().map((c, i) =>
      sighted({
        name: c.domain,
        position: String(i),
        score: office.has(c.domain) ? 0.7 : 0.8 + i / 100,
        seenAt: `2017-04-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`,
        ...(office.has(c.domain) ? { brand: 'Microsoft Office', brandDomain: 'office.com' } : {}),
      }),
    ),
  );
  await store.recordHits([sighted({ name: 'mail.en-marche.co', domain: 'en-marche.co', position: '99', seenAt: '2017-04-30T00:00:00.000Z' })]);
  await store.setTriage('en-marche.co', 'confirmed');
  await store.recordHits([
    sighted({ name: 'xn--n-marche-2cb.fr', position: '100', score: 0.6, techniques: ['homoglyph'], reasons: ['=HYPERLINK("x") \u001b]0;pwned\u0007 \u202eevil'] }),
  ]);
  await store.close();
});

async function findings(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIO();
  const code = await run(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

const jsonl = (out: string): Record<string, unknown>[] =>
  out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

test('jsonl lists every finding with the documented fields, highest score first, and exits 1', async () => {
  const r = await findings('--db', db, '--format', 'jsonl');
  assert.equal(r.code, 1);
  const rows = jsonl(r.out);
  assert.equal(rows.length, caseDomains().length + 1);
  const scores = rows.map((x) => x.score as number);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  const co = rows.find((x) => x.domain === 'en-marche.co');
  assert.deepEqual(Object.keys(co ?? {}), ['domain', 'display', 'score', 'brands', 'state', 'first_seen', 'last_seen', 'sightings']);
  assert.equal(co?.state, 'confirmed');
  assert.equal(co?.sightings, 2);
  assert.equal(co?.last_seen, '2017-04-30T00:00:00.000Z');
  assert.deepEqual(co?.brands, [{ brand: 'En Marche', brand_domain: 'en-marche.fr', score: co?.score, techniques: ['combo'], reasons: ['brand `en-marche` inside `en-marche.co`'] }]);
  assert.equal(rows.find((x) => x.domain === 'xn--n-marche-2cb.fr')?.display, 'ēn-marche.fr');
  assert.match(r.err, new RegExp(`^${rows.length} findings in `));
});

test('filters by state, brand, score and limit', async () => {
  const domains = async (...argv: string[]): Promise<unknown[]> => jsonl((await findings('--db', db, '--format', 'jsonl', ...argv)).out).map((x) => x.domain);
  assert.deepEqual(await domains('--state', 'confirmed'), ['en-marche.co']);
  assert.deepEqual((await domains('--brand', 'MICROSOFT OFFICE')).sort(), ['accounts-office.fr', 'portal-office.fr']);
  assert.deepEqual((await domains('--brand', 'office.com', '--min-score', '0.75')), []);
  assert.equal((await domains('--min-score', '0.75')).length, caseDomains().length - 2, 'all but the two office ones');
  assert.equal((await domains('--limit', '2')).length, 2);
  assert.deepEqual(await domains('--since', '2017-04-29'), ['en-marche.co']);
});

test('nothing matching is exit 0 with no output', async () => {
  const r = await findings('--db', db, '--format', 'jsonl', '--state', 'benign');
  assert.equal(r.code, 0);
  assert.equal(r.out, '');
});

test('csv has a header, one row per finding, and defuses spreadsheet formulas', async () => {
  const r = await findings('--db', db, '--format', 'csv');
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'domain,display,score,state,brands,brand_domains,techniques,reasons,first_seen,last_seen,sightings');
  assert.equal(lines.length, caseDomains().length + 2);
  const idn = lines.find((l) => l.startsWith('xn--n-marche-2cb.fr,'));
  assert.ok(idn?.includes(`"'=HYPERLINK(""x"")`), idn);
});

test('the table shows terminal escapes and bidi overrides in attacker text as visible codes', async () => {
  const r = await findings('--db', db);
  assert.equal(r.code, 1);
  assert.match(r.out, /^score +state +domain +brands/);
  assert.match(r.out, /ēn-marche\.fr \(xn--n-marche-2cb\.fr\)/);
  assert.match(r.out, /\\u001b\]0;pwned\\u0007 \\u202eevil/);
  assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
});

test('a missing database is an error naming the file, and no file is created', async () => {
  const missing = join(dir, 'typo.db');
  const r = await findings('--db', missing);
  assert.equal(r.code, 2);
  assert.match(r.err, /typo\.db: no such database/);
  assert.equal(existsSync(missing), false);
});

test('bad option values are refused with exit 2 and the reason', async () => {
  for (const [argv, reason] of [
    [['--format', 'xml'], /--format must be one of table, jsonl, csv/],
    [['--state', 'evil'], /--state must be one of new, confirmed/],
    [['--min-score', '1.5'], /--min-score must be a number from 0 to 1/],
    [['--min-score', ''], /--min-score must be a number/],
    [['--limit', '0'], /--limit must be a positive whole number/],
    [['--since', 'yesterday'], /--since must be an ISO 8601 time/],
    [['--colour'], /Unknown option '--colour'/],
  ] as const) {
    const r = await findings('--db', db, ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, reason);
  }
});

test('the dispatcher runs it', async () => {
  const c = captureIO();
  assert.equal(await main(['findings', '--db', db, '--format', 'jsonl', '--limit', '1'], c.io), 1);
  assert.equal(jsonl(c.out()).length, 1);
});
