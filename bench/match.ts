/**
 * bench/match: names per second and memory of the matcher at 1, 100, 1,000 and 10,000 brands, beside a
 * naive baseline that compares every name's label with every brand label by bounded Damerau-Levenshtein.
 * Brands: the Tranco top 10k, then Majestic and Cisco's lists, grouped by name (google.com and google.ca are one brand).
 * Names: the CT names tiles plus the Cloudflare top 100k, repeated to at least 1M; a second column runs the CT names
 * alone (real newly-certified names, long and full of words), repeated to the same count.
 * Rates are names per CPU second (user + system time of this process, one thread matching), not wall time:
 * the figures stay comparable on a loaded machine. Run: npm run bench -- match   (or: npx tsx bench/match.ts)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createMatcher, parseName, type Brand } from '../src/engine/index.js';
import { boundedDistance } from '../src/engine/detect/edits.js';
import { loadDefaultWords } from '../src/config/index.js';
import { printTable, measure, SHARED } from './table.js';

function ctNames(): string[] {
  const dir = `${SHARED}ct/navigli2025h2/tile/names/`;
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.p')) continue;
    for (const line of readFileSync(dir + f, 'utf8').split('\n')) {
      if (line === '') continue;
      const entry = JSON.parse(line) as { DNS?: string[] };
      out.push(...(entry.DNS ?? []));
    }
  }
  return out;
}

const list = (f: string): string[] => (JSON.parse(readFileSync(`${SHARED}toplists/${f}`, 'utf8')) as { list: string[] }).list;
const ct = ctNames();
const sample = [...ct, ...list('misp-warninglist-cloudflare-top100k.json')];
const target = Number(process.env.BENCH_NAMES ?? 1_000_000);
const repeat = (from: readonly string[]): string[] => {
  const out: string[] = [];
  while (out.length < target) out.push(...from);
  return out;
};
const names = repeat(sample);
const ctStream = repeat(ct);
// Brands as a watchlist holds them: one brand per name, with all its domains (google.com, google.ca… are one brand).
const brandsByLabel = new Map<string, string[]>();
for (const file of ['misp-warninglist-tranco10k.json', 'misp-warninglist-majestic_million.json', 'misp-warninglist-cisco_top20k.json']) {
  for (const d of list(file)) {
    const p = parseName(d);
    if (!p.ok || p.name.sub !== '') continue;
    const domains = brandsByLabel.get(p.name.label) ?? [];
    if (!domains.includes(p.name.domain)) domains.push(p.name.domain);
    brandsByLabel.set(p.name.label, domains);
  }
}
const allBrands: Brand[] = [...brandsByLabel].map(([label, domains]) => ({ name: label, domains, keywords: [], allowlist: [] }));
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

const rows: (string | number)[][] = [];
for (const count of [1, 100, 1000, 10000]) {
  const brands = allBrands.slice(0, count);
  let matcher = createMatcher(brands, { keywords: words.keywords, generic: words.generic });
  const built = measure(() => {
    matcher = createMatcher(brands, { keywords: words.keywords, generic: words.generic });
  }, 1);
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
  rows.push([
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
  ]);
}
printTable(
  `match: names per CPU second, ${names.length.toLocaleString()} names (CT names tiles + Cloudflare top 100k, repeated) and ${ctStream.length.toLocaleString()} CT names alone (${ct.length.toLocaleString()} repeated), every detector on`,
  ['brands', 'names/s', 'CT names/s', 'naive names/s', 'ratio', 'hits', 'CT hits', 'compile s', 'index MiB', 'peak RSS MiB'],
  rows,
);
