/**
 * CT ingestion speed: entries/s for the static-ct-api tile path and the RFC 6962 get-entries path
 * (parse, DER names, fingerprint), end to end into the SQLite store, against parsing every certificate
 * with node's crypto.X509Certificate. Data: the real navigli2025h2 tiles, repeated to >= 1M entries.
 * Run: node --import tsx bench/ct.ts
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Name } from '../src/engine/index.js';
import { createMatcher, parseWatchlist } from '../src/engine/index.js';
import { matcherOptionsFor } from '../src/config/index.js';
import { openStore } from '../src/store/index.js';
import { checkExtraData, namesOfEntry, readMerkleTreeLeaf, readTileLeaf, type LeafEntry } from '../src/feeds/ct/index.js';

const TILES = fileURLToPath(new URL('../../shared/data/ct/navigli2025h2/tile/data/', import.meta.url));
const tiles = ['000', '001', '002', '003'].map((t) => readFileSync(TILES + t));
const TARGET = 1_000_000;
const reps = Math.ceil(TARGET / 1024);

let peak = 0;
const sample = (): void => void (peak = Math.max(peak, process.memoryUsage().rss));

function entriesOf(tile: Buffer): LeafEntry[] {
  const out: LeafEntry[] = [];
  for (let p = 0; p < tile.length; ) {
    const r = readTileLeaf(tile, p);
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.entry);
    p = r.next;
  }
  return out;
}

// RFC 6962 get-entries bodies (256 entries each), a third X.509 entries as the test log serves them.
const u24 = (n: number): Buffer => Buffer.from([n >> 16, (n >> 8) & 255, n & 255]);
const bodies = tiles.map((t) =>
  JSON.stringify({
    entries: entriesOf(t).map((e, i) => {
      const pre = Buffer.from(e.preCertificate!);
      if (i % 3 !== 0) return { leaf_input: Buffer.concat([Buffer.from([0, 0]), e.timestampedEntry]).toString('base64'), extra_data: Buffer.concat([u24(pre.length), pre, u24(0)]).toString('base64') };
      const leaf = Buffer.concat([Buffer.from([0, 0]), Buffer.from(e.timestampedEntry.subarray(0, 8)), Buffer.from([0, 0]), u24(pre.length), pre, Buffer.from([0, 0])]);
      return { leaf_input: leaf.toString('base64'), extra_data: u24(0).toString('base64') };
    }),
  }),
);

interface Row {
  readonly what: string;
  readonly entries: number;
  readonly seconds: number;
  readonly peak: number;
}

function measure(what: string, fn: () => number): Row {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const t = process.hrtime.bigint();
  const entries = fn();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  sample();
  return { what, entries, seconds, peak };
}

function tilePath(sink: (names: Name[]) => void): number {
  let n = 0;
  for (let r = 0; r < reps; r++) {
    for (const tile of tiles) {
      const names: Name[] = [];
      for (let p = 0; p < tile.length; n++) {
        const e = readTileLeaf(tile, p);
        if (!e.ok) throw new Error(e.error.message);
        p = e.next;
        namesOfEntry('ct:bench', n, e.entry, names);
      }
      sink(names);
    }
    if (r % 64 === 0) sample();
  }
  return n;
}

function rfcPath(): number {
  let n = 0;
  for (let r = 0; r < reps; r++) {
    for (const body of bodies) {
      const j = JSON.parse(body) as { entries: { leaf_input: string; extra_data: string }[] };
      const names: Name[] = [];
      for (const item of j.entries) {
        const leaf = readMerkleTreeLeaf(Buffer.from(item.leaf_input, 'base64'));
        if (!leaf.ok || checkExtraData(Buffer.from(item.extra_data, 'base64'), leaf.entry.precert) !== undefined) throw new Error('bad entry');
        namesOfEntry('ct:bench', n++, leaf.entry, names);
      }
    }
    if (r % 64 === 0) sample();
  }
  return n;
}

function x509Baseline(limit: number): number {
  const all = tiles.flatMap(entriesOf);
  let n = 0;
  while (n < limit) {
    for (const e of all) {
      const x = new X509Certificate(e.preCertificate!);
      if (x.subjectAltName === undefined && x.subject === '') throw new Error('empty');
      if (++n >= limit) break;
    }
  }
  return n;
}

const rows: Row[] = [];
rows.push(measure('X509Certificate per cert (baseline)', () => x509Baseline(50_000)));
rows.push(measure('tiles: TileLeaf + DER names + fingerprint', () => tilePath(() => {})));
rows.push(measure('rfc6962: JSON + base64 + leaf + DER names', rfcPath));

const dir = mkdtempSync(join(tmpdir(), 'sw-bench-'));
try {
  const wl = parseWatchlist('brands.txt', 'mcafee.com\nblogger.com\ngithub.com\nguardian.co.uk\nyandex.ru\nmicrosoft.com\nen-marche.fr\n');
  if (!wl.ok) throw new Error('watchlist');
  const matcher = createMatcher(wl.watchlist.brands, await matcherOptionsFor(wl.watchlist));
  const store = openStore(join(dir, 'bench.db'));
  const pending: Promise<unknown>[] = [];
  let batchNo = 0;
  rows.push(
    measure('tiles end to end: + match + SQLite batch', () =>
      tilePath((names) => {
        const hits = [];
        for (const nm of names) for (const hit of matcher.match(nm.name)) hits.push({ hit, provenance: nm.provenance });
        pending.push(store.recordBatch({ hits, checkpoint: { key: 'ct:bench', value: String(batchNo++) } }));
      }),
    ),
  );
  await Promise.all(pending);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const base = rows[0]!.entries / rows[0]!.seconds;
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
console.log(`| path | entries | entries/s | vs X509Certificate | peak RSS |`);
console.log(`|---|---:|---:|---:|---:|`);
for (const r of rows) {
  const rate = r.entries / r.seconds;
  console.log(`| ${r.what} | ${r.entries.toLocaleString('en')} | ${Math.round(rate).toLocaleString('en')} | ${(rate / base).toFixed(1)}x | ${mib(r.peak)} |`);
}
