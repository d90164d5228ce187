import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { createMatcher, parseWatchlist } from '../../src/engine/index.js';
import { matcherOptionsFor } from '../../src/config/index.js';
import { openStore } from '../../src/store/index.js';
import { captureIO } from '../support/cli.js';
import { startCtServer } from '../support/ct-server.js';
import { NAVIGLI_TILES, navigliNames } from '../support/ct-data.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BRANDS = 'mcafee.com\nblogger.com\ngithub.com\nguardian.co.uk\nyandex.ru\nmicrosoft.com\n';

function tmp(): { dir: string; brands: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sw-watch-'));
  const brands = join(dir, 'brands.txt');
  writeFileSync(brands, BRANDS);
  return { dir, brands, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What the engine finds in the log's own names tiles (entries [from, to)): the domains `watch` must report. */
async function expectedDomains(from = 0, to = 1024): Promise<string[]> {
  const wl = parseWatchlist('brands.txt', BRANDS);
  assert.ok(wl.ok);
  const m = createMatcher(wl.watchlist.brands, await matcherOptionsFor(wl.watchlist));
  const names = NAVIGLI_TILES.flatMap((t) => navigliNames(t)).slice(from, to).flatMap((l) => [...(l.DNS ?? []), ...(l.Subject?.CommonName?.includes('.') ? [l.Subject.CommonName] : [])]);
  return [...new Set(names.flatMap((n) => m.match(n).map((h) => h.domain)))].sort();
}

const domainsOf = (jsonl: string): string[] => jsonl.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { domain: string }).domain);

async function dbState(path: string, key: string): Promise<{ domains: string[]; sightings: number; checkpoint: string | null }> {
  const s = openStore(path);
  try {
    const domains = (await s.listFindings({ limit: 100000 })).map((f) => f.domain).sort();
    return { domains, sightings: (await s.counts()).sightings, checkpoint: await s.getCheckpoint(key) };
  } finally {
    await s.close();
  }
}

test('watch --once reads a tiled and an RFC 6962 log (with a 429, a capped batch and a garbage entry) and reports what the engine finds', async () => {
  const server = await startCtServer({ maxBatch: 100, throttleAt: [200], garbageAt: [5] });
  const t = tmp();
  try {
    const c = captureIO();
    const list = `${server.url}/loglist.json`;
    const code = await main(['watch', '--brands', t.brands, '--db', join(t.dir, 'w.db'), '--log-list', list, '--once', '--no-enrich', '--min-interval', '0'], c.io);
    const want = await expectedDomains();
    assert.ok(want.length >= 5, `the brands should find something (${want.length})`);
    assert.equal(code, 1, c.err());
    const got = domainsOf(c.out());
    assert.deepEqual([...got].sort(), want, 'each new finding printed once');
    assert.match(c.err(), /127\.0\.0\.1:\d+\/rfc: entry 5: leaf_input: truncated.*skipped/);
    assert.match(c.err(), /HTTP 429; retry 1/);
    assert.match(c.err(), /ct:127\.0\.0\.1:\d+\/tiled: 1024 entries, \d+ names, 0 malformed/);
    assert.match(c.err(), /ct:127\.0\.0\.1:\d+\/rfc: 1024 entries, \d+ names, 1 malformed/);

    // A second --once run resumes at the checkpoints: nothing new to read, nothing printed.
    const again = captureIO();
    assert.equal(await main(['watch', '--brands', t.brands, '--db', join(t.dir, 'w.db'), '--log-list', list, '--once', '--no-enrich', '--min-interval', '0'], again.io), 0);
    assert.equal(again.out(), '');
    assert.doesNotMatch(again.err(), /entries, [1-9]/);
  } finally {
    t.done();
    await server.close();
  }
});

test('a bare --log URL is probed (tiled), read without a key, and warned about', async () => {
  const server = await startCtServer();
  const t = tmp();
  try {
    const c = captureIO();
    await main(['watch', '--brands', t.brands, '--db', join(t.dir, 'b.db'), '--log', server.tiledUrl, '--once', '--no-enrich', '--min-interval', '0'], c.io);
    assert.match(c.err(), /checkpoint signature is NOT verified/);
    assert.deepEqual(domainsOf(c.out()).sort(), await expectedDomains());
  } finally {
    t.done();
    await server.close();
  }
});

test('watch --names-tiles reads the names tiles and finds what the data tiles give', async () => {
  const server = await startCtServer({ namesTiles: true });
  const t = tmp();
  try {
    const c = captureIO();
    await main(['watch', '--brands', t.brands, '--db', join(t.dir, 'n.db'), '--log', server.tiledUrl, '--names-tiles', '--once', '--no-enrich', '--min-interval', '0'], c.io);
    assert.deepEqual(domainsOf(c.out()).sort(), await expectedDomains());
    assert.doesNotMatch(c.err(), /names tile/);
    assert.match(c.err(), /tiled: 1024 entries, \d+ names, 0 malformed/);
  } finally {
    t.done();
    await server.close();
  }
});

test('--start-at-head skips what a new log already holds, stores that position, and reads only what comes after', async () => {
  const server = await startCtServer({ size: 600 });
  const t = tmp();
  try {
    const args = ['watch', '--brands', t.brands, '--db', join(t.dir, 'h.db'), '--log', server.tiledUrl, '--start-at-head', '--once', '--no-enrich', '--min-interval', '0'];
    const first = captureIO();
    assert.equal(await main(args, first.io), 0, first.err());
    assert.equal(first.out(), '');
    assert.match(first.err(), /starting at the head, entry 600; the 600 before it are not read/);
    server.setSize(1024);
    const second = captureIO();
    await main(args, second.io);
    assert.match(second.err(), /tiled: 424 entries/);
    assert.doesNotMatch(second.err(), /starting at the head/);
    const want = await expectedDomains(600, 1024);
    assert.ok(want.length > 0 && want.length < (await expectedDomains()).length, 'the tail holds some findings, not all');
    assert.deepEqual(domainsOf(second.out()).sort(), want);
  } finally {
    t.done();
    await server.close();
  }
});

test('the next run refuses a log that rewrote entries an earlier run read, and goes on once it is honest again', async () => {
  const server = await startCtServer({ size: 600 });
  const t = tmp();
  try {
    const args = ['watch', '--brands', t.brands, '--db', join(t.dir, 'f.db'), '--log-list', `${server.url}/loglist.json`, '--once', '--no-enrich', '--min-interval', '0'];
    assert.equal(await main(args, captureIO().io), 1);
    server.setSize(1024, 5);
    const forked = captureIO();
    assert.equal(await main(args, forked.io), 0, forked.err());
    assert.equal(forked.out(), '');
    assert.match(forked.err(), /tiled: checkpoint at 1024 is NOT consistent with the one at 600.*; log skipped/);
    assert.match(forked.err(), /rfc: STH at 1024 is NOT consistent with the one at 600.*; log skipped/);
    server.setSize(1024);
    const honest = captureIO();
    await main(args, honest.io);
    assert.match(honest.err(), /tiled: 424 entries/);
    assert.match(honest.err(), /rfc: 424 entries/);
  } finally {
    t.done();
    await server.close();
  }
});

function runWatcher(args: string[], killOnFirstLine: boolean): Promise<{ out: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/squatwatch.js', 'watch', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killOnFirstLine && out.includes('\n')) child.kill('SIGKILL');
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ out, signal }));
  });
}

test('a watcher killed with SIGKILL mid-run and restarted stores exactly what a clean run stores', async () => {
  const server = await startCtServer({ maxBatch: 40 });
  const t = tmp();
  try {
    const common = ['--brands', t.brands, '--log', `${server.url}/rfc/`, '--once', '--no-enrich', '--min-interval', '15'];
    const clean = await runWatcher([...common, '--db', join(t.dir, 'clean.db')], false);
    const killed = await runWatcher([...common, '--db', join(t.dir, 'killed.db')], true);
    assert.equal(killed.signal, 'SIGKILL', 'the first run was killed before it finished');
    const key = `ct:${server.url.replace('http://', '')}/rfc`;
    const mid = await dbState(join(t.dir, 'killed.db'), key);
    const resumed = await runWatcher([...common, '--db', join(t.dir, 'killed.db')], false);

    const a = await dbState(join(t.dir, 'clean.db'), key);
    const b = await dbState(join(t.dir, 'killed.db'), key);
    assert.equal(a.checkpoint, '1023');
    assert.equal(b.checkpoint, '1023');
    assert.ok(mid.domains.length < a.domains.length, 'the kill came before the end');
    assert.deepEqual(b.domains, a.domains);
    assert.equal(b.sightings, a.sightings, 'no sighting lost or repeated');
    const printed = [...domainsOf(killed.out), ...domainsOf(resumed.out)];
    assert.deepEqual([...printed].sort(), domainsOf(clean.out).sort(), 'every finding printed once over the two runs');
  } finally {
    t.done();
    await server.close();
  }
});
