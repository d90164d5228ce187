import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openFileFeed, type FeedBatch, type FileFeedSpec } from '../../src/feeds/index.js';

const ZONE = ['$ORIGIN fr.', '@ IN SOA nic.fr. hostmaster.nic.fr. 1 3600 1800 3600000 5400', '@ IN NS d.nic.fr.', 'en-marche IN NS ns1.example.net.', 'broken line here !!', 'en-marche-login IN NS ns1.example.net.', 'mail-en-marche IN NS ns1.example.net.'].join('\n');

/** An in-memory checkpoint store that keeps what the batches say. */
function memory(): { getCheckpoint: (k: string) => Promise<string | null>; put: (b: FeedBatch) => void; map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getCheckpoint: async (k) => map.get(k) ?? null, put: (b) => void map.set(b.checkpoint.key, b.checkpoint.value) };
}

async function readAll(spec: FileFeedSpec, cp: ReturnType<typeof memory>, warnings: string[] = []): Promise<string[]> {
  const f = await openFileFeed(spec, cp, (m) => warnings.push(m), 2);
  assert.ok(typeof f !== 'string', String(f));
  const names: string[] = [];
  for await (const b of f.feed) {
    names.push(...b.names.map((n) => n.name));
    cp.put(b);
  }
  return names;
}

test('a gzip zone file as a feed: delegations in batches, the broken line warned with the file and line, resumed after its checkpoint', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-ff-'));
  try {
    const path = join(dir, 'fr.zone.gz');
    writeFileSync(path, gzipSync(ZONE));
    const cp = memory();
    const warnings: string[] = [];
    assert.deepEqual(await readAll({ kind: 'zone', paths: [path] }, cp, warnings), ['en-marche.fr', 'en-marche-login.fr', 'mail-en-marche.fr']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /fr\.zone\.gz: line 5: not a resource record/);
    const [key] = [...cp.map.keys()];
    assert.match(key!, /^zone:fr\.zone\.gz@[0-9a-f]{12}$/);
    assert.equal(cp.map.get(key!), '7');
    // Read again: nothing new, and the broken line is not reported twice.
    const again: string[] = [];
    assert.deepEqual(await readAll({ kind: 'zone', paths: [path] }, cp, again), []);
    assert.deepEqual(again, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a new day's file under the same path is read from its first line, not from yesterday's checkpoint", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-ff-'));
  try {
    const path = join(dir, 'nrd.txt');
    writeFileSync(path, 'a-en-marche.fr\nb-en-marche.fr\nc-en-marche.fr\n');
    const cp = memory();
    assert.equal((await readAll({ kind: 'nrd', paths: [path] }, cp)).length, 3);
    writeFileSync(path, 'x-en-marche.fr\ny en-marche\n');
    const warnings: string[] = [];
    assert.deepEqual(await readAll({ kind: 'nrd', paths: [path] }, cp, warnings), ['x-en-marche.fr']);
    assert.match(warnings[0]!, /nrd\.txt: line 2: not a domain name/);
    assert.equal(cp.map.size, 2, 'one checkpoint per file content');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a zone diff yields only the names new in the second file; a missing file is a message, not a throw', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-ff-'));
  try {
    const old = join(dir, 'old.zone');
    const today = join(dir, 'fr.zone');
    writeFileSync(old, ZONE.split('\n').filter((l) => !l.startsWith('mail-')).join('\n'));
    writeFileSync(today, ZONE);
    const cp = memory();
    assert.deepEqual(await readAll({ kind: 'zone-diff', paths: [old, today] }, cp), ['mail-en-marche.fr']);
    const missing = await openFileFeed({ kind: 'nrd', paths: [join(dir, 'nope.txt')] }, cp, () => {});
    assert.match(String(missing), /nope\.txt: cannot read: ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
