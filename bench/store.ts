/**
 * Store write speed: hits/s into the SQLite store (a WAL file in a temp dir) recorded in batches,
 * against the naive way, one hit per transaction. Also a replay of the same hits (every sighting
 * already there: the path a restarted feed takes). Names: the real phishing list and Cloudflare's
 * top 100k, each hit a distinct sighting (its own position) with a certificate, several names per
 * registrable domain; the later passes over the list also add a brand to each finding (its costliest
 * path: the finding is rewritten). hits/CPU-s (user+system time) is the figure for one core when the machine is
 * shared; hits/s is wall time.
 * Run: node --import tsx bench/store.ts [HITS]   (default 300,000)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hit } from '../src/engine/index.js';
import { openStore, type SightedHit, type Store } from '../src/store/index.js';
import { printTable, SHARED } from './table.js';

const TOTAL = Number(process.argv[2] ?? 300_000);
const BASELINE = Math.min(TOTAL, 20_000);

function domains(): string[] {
  const phishing = readFileSync(join(SHARED, 'phishing/phishingdatabase-domains-ACTIVE2.txt'), 'utf8').split('\n');
  const top = (JSON.parse(readFileSync(join(SHARED, 'toplists/misp-warninglist-cloudflare-top100k.json'), 'utf8')) as { list: string[] }).list;
  return [...phishing, ...top].filter((d) => d.length > 0);
}

const DOMAINS = domains();

/** Hits [from, to): hit n is the n-th name, with a subdomain on later passes over the list so domains repeat. */
function makeHits(from: number, to: number): SightedHit[] {
  const hits: SightedHit[] = [];
  for (let n = from; n < to; n++) {
    const domain = DOMAINS[n % DOMAINS.length] ?? 'example.com';
    const pass = Math.floor(n / DOMAINS.length);
    const name = pass === 0 ? domain : `www${pass}.${domain}`;
    const brand = `brand-${n % 97}`;
    const hit: Hit = {
      name,
      display: name,
      domain,
      brand,
      brandDomain: `${brand}.com`,
      score: 0.5 + (n % 50) / 100,
      techniques: ['combo'],
      reasons: [`brand \`${brand}\` + keyword \`login\``],
    };
    const seenAt = new Date(1_700_000_000_000 + n * 1000).toISOString();
    hits.push({ hit, provenance: { source: 'ct:bench', position: String(n), seenAt, cert: { fingerprint: 'ab'.repeat(32), issuer: "CN=R3,O=Let's Encrypt,C=US" } } });
  }
  return hits;
}

interface Row {
  readonly what: string;
  readonly hits: number;
  readonly perSecond: number;
  readonly perCpuSecond: number;
  readonly peakRss: number;
  readonly findings: number;
}

/** Records `count` hits in batches (hits made per batch, so memory is the store's, not the input's). */
async function run(what: string, store: Store, count: number, batchSize: number): Promise<Row> {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let nanos = 0n;
  let cpuMicros = 0;
  for (let i = 0; i < count; i += batchSize) {
    const hits = makeHits(i, Math.min(count, i + batchSize));
    // Only the store's work is timed, not the making of the hits.
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await store.recordBatch({ hits, checkpoint: { key: 'ct:bench', value: String(i + hits.length) } });
    nanos += process.hrtime.bigint() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
    if ((i / batchSize) % 16 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(nanos) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const findings = (await store.counts()).findings;
  return { what, hits: count, perSecond: count / seconds, perCpuSecond: count / (cpuMicros / 1e6), peakRss, findings };
}

const dir = mkdtempSync(join(tmpdir(), 'squatwatch-bench-store-'));
try {
  const rows: Row[] = [];
  const baselineStore = openStore(join(dir, 'naive.db'));
  rows.push(await run('naive: 1 hit per transaction', baselineStore, BASELINE, 1));
  await baselineStore.close();
  const fresh = openStore(join(dir, 'fresh.db'));
  rows.push(await run('every hit a new finding, batches of 1,000', fresh, Math.min(TOTAL, DOMAINS.length), 1000));
  await fresh.close();
  for (const size of [100, 1000, 10_000]) {
    const store = openStore(join(dir, `batch-${size}.db`));
    rows.push(await run(`batches of ${size.toLocaleString('en-US')}`, store, TOTAL, size));
    if (size === 1000) rows.push(await run('replay of the same, batches of 1,000', store, TOTAL, size));
    await store.close();
  }
  const base = rows[0]?.perSecond ?? 1;
  printTable(
    `Store writes (SQLite WAL, synchronous=NORMAL), node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
    ['', 'hits', 'findings', 'hits/s', 'vs naive', 'hits/CPU-s', 'peak RSS MiB'],
    rows.map((r) => [
      r.what, r.hits, r.findings, Math.round(r.perSecond), `${(r.perSecond / base).toFixed(1)}x`, Math.round(r.perCpuSecond), Math.round(r.peakRss / 2 ** 20),
    ]),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
