import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listNames, namesFeed, ProblemCounter } from '../../src/feeds/names-feed.js';
import { mergeFeeds, type FeedBatch } from '../../src/feeds/index.js';

const LIST = ['# newly registered 2017-04-15', 'onedrive-en-marche.fr', '', 'mail-en-marche.fr.', 'not a name', 'EN-MARCHE.NET', 'x'.repeat(300) + '.com', 'portal-office.fr', '\u00ff\u00fe'].join('\r\n');

async function batches(path: string, afterLine = 0, warn: (m: string) => void = () => {}): Promise<FeedBatch[]> {
  const problems = new ProblemCounter(warn);
  const out: FeedBatch[] = [];
  for await (const b of namesFeed({ source: 'nrd:list', items: listNames(path, problems.report), problems, afterLine, batchSize: 2, seenAt: '2017-04-15T00:00:00Z' })) out.push(b);
  return out;
}

test('a newly-registered list, plain or gzip: names in batches with line checkpoints; broken lines counted and named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-nrd-'));
  try {
    for (const [file, data] of [['l.txt', LIST], ['l.txt.gz', gzipSync(LIST)]] as const) {
      const path = join(dir, file);
      writeFileSync(path, data);
      const warnings: string[] = [];
      const bs = await batches(path, 0, (m) => warnings.push(m));
      // The last batch carries only the count of the broken last line.
      assert.deepEqual(bs.map((b) => b.names.map((n) => n.name)), [['onedrive-en-marche.fr', 'mail-en-marche.fr'], ['en-marche.net', 'portal-office.fr'], []]);
      assert.deepEqual(bs.map((b) => b.checkpoint.value), ['4', '8', '8']);
      assert.equal(bs.reduce((s, b) => s + b.malformed, 0), 3);
      assert.equal(warnings.length, 3);
      assert.match(warnings[0]!, /line 5: not a domain name/);
      assert.equal(bs[0]!.names[0]!.provenance.position, '2');
      // Resuming after the first checkpoint reads only what follows.
      const resumed = await batches(path, 4);
      assert.deepEqual(resumed.flatMap((b) => b.names.map((n) => n.name)), ['en-marche.net', 'portal-office.fr']);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a newly-registered list with a line of 2 MiB: that line is named and skipped, the lines after it keep their numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-nrd-'));
  try {
    const path = join(dir, 'long.txt');
    writeFileSync(path, ['onedrive-en-marche.fr', 'a'.repeat(2 << 20), 'mail-en-marche.fr'].join('\n'));
    const problems: { line: number; message: string }[] = [];
    const got: { name: string; line: number }[] = [];
    for await (const n of listNames(path, (p) => problems.push(p))) got.push(n);
    assert.deepEqual(got, [{ name: 'onedrive-en-marche.fr', line: 1 }, { name: 'mail-en-marche.fr', line: 3 }]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 2);
    assert.match(problems[0]?.message ?? '', /long\.txt: line 2: line too long/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mergeFeeds pulls lazily: a feed is not read ahead of the consumer', async () => {
  let produced = 0;
  async function* counting(): AsyncIterable<FeedBatch> {
    for (let i = 0; i < 100; i++) {
      produced++;
      yield { source: 's', names: [], checkpoint: { key: 's', value: String(i) }, entries: 1, malformed: 0 };
    }
  }
  let consumed = 0;
  for await (const _ of mergeFeeds([counting(), counting()])) {
    consumed++;
    assert.ok(produced <= consumed + 2, `produced ${produced} for ${consumed} consumed`);
    if (consumed === 10) break;
  }
  assert.ok(produced <= 12);
});
