import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../support/cli.js';
import { SHARED } from '../support/shared.js';

const BRANDS = 'brands:\n  - name: En Marche\n    domains: [en-marche.fr]\n  - name: Microsoft\n    domains: [microsoft.com, office.com]\n';

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sw-match-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('match writes one JSONL record per hit with the documented fields, and exits 1 when it found something', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, 'b.yaml'), BRANDS);
    const c = captureIO('example.com\nmail-en-marche.fr\nportal-office.fr\n');
    assert.equal(await main(['match', '--brands', join(dir, 'b.yaml')], c.io), 1);
    const records = c.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(records.map((r) => [r.name, r.brand]), [['mail-en-marche.fr', 'En Marche'], ['portal-office.fr', 'Microsoft']]);
    for (const key of ['name', 'domain', 'brand', 'brand_domain', 'score', 'techniques', 'reasons']) assert.ok(key in (records[0] ?? {}), key);
    assert.equal(records[0]?.brand_domain, 'en-marche.fr');
  }));

test('no hit exits 0; bad lines are counted and named by line number on stderr, never fatal', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, 'b.yaml'), BRANDS);
    const input = ['example.com', '', 'a..b', '\u0000\u0001binary', `${'x'.repeat(300)}.com`, 'xn--zz.com', '{"broken', 'wikipedia.org', ''].join('\n');
    await writeFile(join(dir, 'names.txt'), input);
    const c = captureIO();
    assert.equal(await main(['match', '--brands', join(dir, 'b.yaml'), join(dir, 'names.txt')], c.io), 0);
    const err = c.err();
    assert.match(err, /names\.txt:2: skipped: empty line/);
    assert.match(err, /names\.txt:3: skipped: empty label/);
    assert.match(err, /names\.txt:4: skipped: binary data/);
    assert.match(err, /names\.txt:5: skipped: (name longer than 253|a label is longer than 63)/);
    assert.match(err, /names\.txt:6: skipped: invalid punycode/);
    assert.match(err, /names\.txt:7: skipped: a JSON line that does not parse/);
    assert.match(err, /skipped 6:/);
    // The two good names are the names matched: the four bad ones that got as far as the matcher count as skipped only.
    assert.match(err, /squatwatch match: 2 names matched, 0 hits, skipped 6:/);
  }));

test('certstream messages and CT names-tile lines are read as well as plain names', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, 'b.yaml'), 'brands:\n  - name: Example\n    domains: [example-bank.com]\n');
    const certstream = (await import('node:fs')).readFileSync(`${SHARED}ct/certstream/example.json`, 'utf8');
    const msg = JSON.parse(certstream) as { data: { leaf_cert: { all_domains: string[] } } };
    msg.data.leaf_cert.all_domains = ['login-example-bank.com', 'www.login-example-bank.com'];
    const c = captureIO(`${JSON.stringify(msg)}\n{"Timestamp": 1, "DNS": ["example-bank-secure.net"]}\n`);
    assert.equal(await main(['match', '--brands', join(dir, 'b.yaml'), '--format', 'csv'], c.io), 1);
    const lines = c.out().trim().split('\n');
    assert.equal(lines[0], 'name,display,domain,brand,brand_domain,score,techniques,reasons,line');
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), ['login-example-bank.com', 'www.login-example-bank.com', 'example-bank-secure.net']);
  }));

test('a watchlist with an error is refused with the file, line and reason, exit 2', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, 'b.yaml'), 'brands:\n  - name: X\n    domains: [not..valid]\n');
    const c = captureIO('example.com\n');
    assert.equal(await main(['match', '--brands', join(dir, 'b.yaml')], c.io), 2);
    assert.match(c.err(), /b\.yaml:3: brand 'X' domains: 'not\.\.valid' is not a domain name/);
  }));

test('bad options are refused with exit 2', async () => {
  for (const args of [['match'], ['match', '--brands', 'x', '--format', 'xml'], ['match', '--brands', 'x', '--threshold', '2'], ['match', '--brands', '/nonexistent/b.yaml']]) {
    const c = captureIO('');
    assert.equal(await main(args, c.io), 2, args.join(' '));
    assert.match(c.err(), /squatwatch match: /);
  }
});
