import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { newlyDelegated, zoneNames, type ZoneProblem } from '../../src/feeds/zone.js';

const ROOT = fileURLToPath(new URL('../../../shared/data/zones/root-zone-2018-03-12/root.zone', import.meta.url));
const rootText = readFileSync(ROOT, 'utf8');
// The TLDs, straight from the NS lines, as the reference.
const tlds = [...new Set(rootText.split('\n').filter((l) => /^\S+\s+\d+\s+IN\s+NS\s/.test(l)).map((l) => l.split(/\s+/)[0]!))].filter((n) => n !== '.').map((n) => n.slice(0, -1));

async function collect(path: string): Promise<{ names: string[]; problems: ZoneProblem[] }> {
  const names: string[] = [];
  const problems: ZoneProblem[] = [];
  for await (const z of zoneNames(path, (p) => problems.push(p))) names.push(z.name);
  return { names, problems };
}

test('the real 2018 root zone gives every delegated TLD once, and no problem', async () => {
  const { names, problems } = await collect(ROOT);
  assert.equal(names.length, 1544);
  assert.deepEqual(names, tlds);
  assert.deepEqual(problems, []);
});

test('gzip, $ORIGIN, relative and blank owners, multi-line records and broken lines (counted, skipped)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-zone-'));
  try {
    const zone = [
      '$ORIGIN fr.',
      '$TTL 3600',
      '@ IN SOA nic.fr. hostmaster.nic.fr. ( 2024010101 ; serial',
      '   3600 1800 3600000 5400 )',
      '@ IN NS d.nic.fr.',
      'en-marche 3600 IN NS ns1.example.net.',
      '          3600 IN NS ns2.example.net.',
      'this line is broken !!',
      'en-marches IN 3600 NS ns1.example.net.',
      'www.en-marche IN A 192.0.2.1 ; glue-like, not a delegation',
      '\u0000\u0001garbage',
      'absolute.fr. NS ns.example.',
    ].join('\n');
    const path = join(dir, 'fr.zone.gz');
    writeFileSync(path, gzipSync(zone));
    const { names, problems } = await collect(path);
    assert.deepEqual(names, ['en-marche.fr', 'en-marches.fr', 'absolute.fr']);
    assert.deepEqual(problems.map((p) => p.line), [8, 11]);
    assert.match(problems[0]!.message, /line 8: not a resource record/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a diff of two days' zones gives the newly delegated names only", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-zone-'));
  try {
    const yesterday = join(dir, 'y.zone');
    // Yesterday lacked three real TLDs.
    writeFileSync(yesterday, rootText.split('\n').filter((l) => !/^(zara|zero|zip)\.\s/.test(l)).join('\n'));
    const fresh: string[] = [];
    for await (const z of newlyDelegated(yesterday, ROOT, () => assert.fail('no problem expected'))) fresh.push(z.name);
    assert.deepEqual(fresh, ['zara', 'zero', 'zip']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
