/**
 * bench/match: names per second and memory of the matcher at 1, 100, 1,000 and 10,000 brands, beside a
 * naive baseline that compares every name's label with every brand label by bounded Damerau-Levenshtein.
 * Brands: the Tranco top 10k, then Majestic and Cisco's lists, grouped by name (google.com and google.ca are one brand).
 * Names: the CT names tiles plus the Cloudflare top 100k, repeated to at least 1M; a second column runs the CT names
 * alone (real newly-certified names, long and full of words), repeated to the same count.
 * Rates are names per CPU second (user + system time of this process, one thread matching), not wall time:
 * the figures stay comparable on a loaded machine. Each brand count runs in a process of its own (as a deployment
 * runs one watchlist), so its peak memory is its own and the JIT is not shaped by the other counts' runs.
 * Run: npm run bench -- match   (or: npx tsx bench/match.ts); BENCH_BRANDS=N runs one count and prints its row as JSON.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMatcher, parseName } from '../src/engine/index.js';
import { boundedDistance } from '../src/engine/detect/edits.js';
import { loadDefaultWords } from '../src/config/index.js';
import { printTable, measure } from './table.js';
import { ctNames, popularBrands, toplist } from './support/inputs.js';

const ct = ctNames();
const sample = [...ct, ...toplist('misp-warninglist-cloudflare-top100k.json')];
const target = Number(process.env.BENCH_NAMES ?? 1_000_000);
const repeat = (from: readonly string[]): string[] => {
  const out: string[] = [];
  while (out.length < target) out.push(...from);
  return out;
};
const names = repeat(sample);
const ctStream = repeat(ct);
const allBrands = popularBrands();
const words = await loadDefaultWords();

function naive(brandLabels: readonly string[], input: readonly string[]): number {
  let hits = 0;
  for (const n of input) {
    const p = parseName(n);
    if (!p.ok) continue;
    for (const b of brandLabels) if (boundedDistance(b, p.name.label, 2) <= 2) hits++;
  }
  return hits;
}

type Row = (string | number)[];

/** One brand count, measured in this process. */
function row(count: number): Row {
  const brands = allBrands.slice(0, count);
  let matcher = createMatcher(brands, { keywords: words.keywords, generic: words.generic });
  const built = measure(() => {
    matcher = createMatcher(brands, { keywords: words.keywords, generic: words.generic });
  }, 1);
  // One untimed pass over the sample first: the rate wanted is the steady one of a stream that runs for hours.
  for (const n of sample) matcher.match(n);
  let hits = 0;
  const run = measure(() => {
    for (const n of names) hits += matcher.match(n).length;
  }, names.length);
  let ctHits = 0;
  const ctRun = measure(() => {
    for (const n of ctStream) ctHits += matcher.match(n).length;
  }, ctStream.length);
  // The baseline is slow: time it on a slice and report its rate.
  const labels = brands.map((b) => b.name);
  const slice = names.slice(0, Math.max(2000, Math.floor(2_000_000 / count)));
  const base = measure(() => naive(labels, slice), slice.length);
  const peak = Math.max(run.peakRss, ctRun.peakRss);
  return [
    count,
    Math.round(run.perCpuSecond),
    Math.round(ctRun.perCpuSecond),
    Math.round(base.perCpuSecond),
    (run.perCpuSecond / base.perCpuSecond).toFixed(1) + 'x',
    hits,
    ctHits,
    built.cpuSeconds.toFixed(2),
    (matcher.index.bytes / 2 ** 20).toFixed(1),
    (peak / 2 ** 20).toFixed(0),
  ];
}

const only = process.env.BENCH_BRANDS;
if (only !== undefined) {
  process.stdout.write(JSON.stringify(row(Number(only))));
} else {
  const rows: Row[] = [];
  for (const count of [1, 100, 1000, 10000]) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_BRANDS: String(count) },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    rows.push(JSON.parse(out) as Row);
  }
  printTable(
    `match: names per CPU second, ${names.length.toLocaleString()} names (CT names tiles + Cloudflare top 100k, repeated) and ${ctStream.length.toLocaleString()} CT names alone (${ct.length.toLocaleString()} repeated), every detector on; each brand count in its own process`,
    ['brands', 'names/s', 'CT names/s', 'naive names/s', 'ratio', 'hits', 'CT hits', 'compile s', 'index MiB', 'peak RSS MiB'],
    rows,
  );
}
