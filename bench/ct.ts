/**
 * CT ingestion speed on the real navigli2025h2 tiles, repeated to >= 1M entries, against parsing every
 * certificate with node's crypto.X509Certificate:
 *  - the tile path (TileLeaf, leaf hash checked against the real level-0 hash tile, DER names), the
 *    names-tile path (gunzip, JSON lines), and the RFC 6962 path (JSON, base64, MerkleTreeLeaf,
 *    extra_data, DER names), parsing only;
 *  - end to end: the same tiles as a Feed through followFeeds into the matcher and the SQLite store,
 *    one transaction per tile with its checkpoint, as `watch` runs them; with the CPU time of each stage.
 * Rates are per CPU second of this process (`process.cpuUsage`), i.e. on one core, so other work on
 * the machine does not skew them; the end-to-end row also gives the wall-clock rate.
 * Run: node --import tsx bench/ct.ts
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMatcher, parseWatchlist, type Name } from '../src/engine/index.js';
import { matcherOptionsFor } from '../src/config/index.js';
import { openStore } from '../src/store/index.js';
import { followFeeds, type Feed, type FindingSink } from '../src/feeds/index.js';
import { checkExtraData, namesOfEntry, readMerkleTreeLeaf, readTileLeaf, type LeafEntry } from '../src/feeds/ct/index.js';
import { leafHashOfEntry } from '../src/feeds/ct/merkle.js';
import { namesOfNamed, readNamesTile } from '../src/feeds/ct/index.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import { printTable, SHARED } from './table.js';

const NAVIGLI = `${SHARED}ct/navigli2025h2/tile/`;
const TILES = ['000', '001', '002', '003'];
const tiles = TILES.map((t) => readFileSync(`${NAVIGLI}data/${t}`));
const hashTiles = TILES.map((t) => readFileSync(`${NAVIGLI}0/${t}`));
// Names tiles as sunlight stores them: gzipped.
const namesTiles = TILES.map((t) => gzipSync(readFileSync(`${NAVIGLI}names/${t}`)));
const TARGET = 1_000_000;
const reps = Math.ceil(TARGET / 1024);
const BRANDS = 'mcafee.com\nblogger.com\ngithub.com\nguardian.co.uk\nyandex.ru\nmicrosoft.com\nen-marche.fr\n';

let peak = 0;
const sample = (): void => void (peak = Math.max(peak, process.memoryUsage().rss));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

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

/** One tile as the tiled reader and the CT feed handle it: entries, leaf hashes checked, names. */
function tileNames(t: number, first: number): Name[] {
  const tile = tiles[t]!;
  const hashes = hashTiles[t]!;
  const names: Name[] = [];
  for (let p = 0, i = 0; p < tile.length; i++) {
    const e = readTileLeaf(tile, p);
    if (!e.ok) throw new Error(e.error.message);
    p = e.next;
    if (leafHashOfEntry(e.entry.timestampedEntry).compare(hashes, i * 32, i * 32 + 32) !== 0) throw new Error(`leaf hash ${i}`);
    namesOfEntry('ct:bench', first + i, e.entry, names);
  }
  return names;
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
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly peak: number;
}

async function measure(what: string, fn: () => number | Promise<number>): Promise<Row> {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const c = cpu();
  const t = process.hrtime.bigint();
  const entries = await fn();
  const wallSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  const cpuSeconds = cpu() - c;
  sample();
  return { what, entries, cpuSeconds, wallSeconds, peak };
}

function tilePath(): number {
  let n = 0;
  for (let r = 0; r < reps; r++) {
    for (let t = 0; t < tiles.length; t++) {
      tileNames(t, n);
      n += 256;
    }
    if (r % 64 === 0) sample();
  }
  return n;
}

function namesTilePath(): number {
  let n = 0;
  for (let r = 0; r < reps; r++) {
    for (const gz of namesTiles) {
      const t = readNamesTile(gunzipSync(gz), 256, n);
      if (!t.ok) throw new Error(t.message);
      namesOfNamed('ct:bench', t.entries, '', []);
      n += 256;
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

interface Stages {
  parse: number;
  store: number;
  names: number;
  hits: number;
}

/** Names tile `t` as the names-tile reader and the CT feed handle it. */
function namesTileNames(t: number, first: number): Name[] {
  const r = readNamesTile(gunzipSync(namesTiles[t]!), 256, first);
  if (!r.ok) throw new Error(r.message);
  const names: Name[] = [];
  namesOfNamed('ct:bench', r.entries, '', names);
  return names;
}

/** The tiles as a CT Feed would yield them, with the CPU time spent producing each batch. */
async function* tileFeed(read: (t: number, first: number) => Name[], stages: Stages): Feed {
  let n = 0;
  for (let r = 0; r < reps; r++) {
    for (let t = 0; t < tiles.length; t++) {
      const c = cpu();
      const names = read(t, n);
      stages.parse += cpu() - c;
      stages.names += names.length;
      n += 256;
      yield { source: 'ct:bench', names, checkpoint: { key: 'ct:bench', value: String(n - 1) }, entries: 256, malformed: 0 };
    }
    if (r % 64 === 0) sample();
  }
}

async function endToEnd(read: (t: number, first: number) => Name[], stages: Stages): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    const wl = parseWatchlist('brands.txt', BRANDS);
    if (!wl.ok) throw new Error('watchlist');
    const matcher = createMatcher(wl.watchlist.brands, await matcherOptionsFor(wl.watchlist));
    const sink: FindingSink<unknown> = {
      recordBatch: async (b) => {
        const c = cpu();
        const r = await store.recordBatch(b);
        stages.store += cpu() - c;
        stages.hits += b.hits.length;
        return r;
      },
    };
    const status = await followFeeds({ feed: tileFeed(read, stages), matcher, sink, onNew: () => {} });
    return status.get('ct:bench')?.entries ?? 0;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
rows.push(await measure('X509Certificate per cert (baseline)', () => x509Baseline(50_000)));
rows.push(await measure('tiles: TileLeaf + leaf hash + DER names', tilePath));
rows.push(await measure('names tiles: gunzip + JSON lines (no cert details)', namesTilePath));
rows.push(await measure('rfc6962: JSON + base64 + leaf + DER names', rfcPath));
const dataStages: Stages = { parse: 0, store: 0, names: 0, hits: 0 };
const e2e = await measure('end to end: data tiles + match + SQLite', () => endToEnd(tileNames, dataStages));
rows.push(e2e);
const namesStages: Stages = { parse: 0, store: 0, names: 0, hits: 0 };
const e2eNames = await measure('end to end: names tiles + match + SQLite', () => endToEnd(namesTileNames, namesStages));
rows.push(e2eNames);

const base = rows[0]!.entries / rows[0]!.cpuSeconds;
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');
printTable(
  `CT ingestion, entries per CPU second (${TILES.length * 256} real navigli2025h2 entries repeated ${reps}x)`,
  ['path', 'entries', 'entries/s', 'X509Certificate/s', 'ratio', 'peak RSS'],
  rows.map((r) => [r.what, r.entries, rate(r.entries, r.cpuSeconds), rate(rows[0]!.entries, rows[0]!.cpuSeconds), `${(r.entries / r.cpuSeconds / base).toFixed(1)}x`, mib(r.peak)]),
);
function stageTable(title: string, row: Row, st: Stages, parse: string): void {
  const match = row.cpuSeconds - st.parse - st.store;
  const us = (x: number): string => ((1e6 * x) / row.entries).toFixed(2);
  const share = (x: number): string => `${((100 * x) / row.cpuSeconds).toFixed(0)}%`;
  printTable(
    `${title}, per stage (${st.names.toLocaleString('en-US')} names, ${st.hits.toLocaleString('en-US')} hits; wall clock ${rate(row.entries, row.wallSeconds)} entries/s)`,
    ['stage', 'CPU s', 'µs/entry', 'share', 'entries/s if alone'],
    [
      [`parse: ${parse}`, st.parse.toFixed(2), us(st.parse), share(st.parse), rate(row.entries, st.parse)],
      ['match: engine (+ follow loop)', match.toFixed(2), us(match), share(match), rate(row.entries, match)],
      [`store: SQLite recordBatch (${((1e6 * st.store) / Math.max(1, st.hits)).toFixed(0)} µs/hit)`, st.store.toFixed(2), us(st.store), share(st.store), rate(row.entries, st.store)],
      ['total', row.cpuSeconds.toFixed(2), us(row.cpuSeconds), '100%', rate(row.entries, row.cpuSeconds)],
    ],
  );
}
stageTable('End to end through data tiles', e2e, dataStages, 'TileLeaf, leaf hash, DER names');
stageTable('End to end through names tiles', e2eNames, namesStages, 'gunzip, JSON lines');
