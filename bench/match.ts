/**
 * bench/match: names per second and memory of the matcher at 1, 100, 1,000 and 10,000 brands, beside a
 * naive baseline that compares every name's label with every brand label by bounded Damerau-Levenshtein.
 * Brands: the Tranco top 10k, then Majestic and Cisco's lists, grouped by name (google.com and google.ca are one brand). Names: the CT names tiles plus the Cloudflare
 * top 100k, repeated to at least 1M. Run: npm run bench -- match   (or: npx tsx bench/match.ts)
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
const sample = [...ctNames(), ...list('misp-warninglist-cloudflare-top100k.json')];
const target = Number(process.env.BENCH_NAMES ?? 1_000_000);
const names: string[] = [];
while (names.length < target) names.push(...sample);
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
  // The baseline is slow: time it on a slice and report its rate.
  const labels = brands.map((b) => b.name);
  const slice = names.slice(0, Math.max(2000, Math.floor(2_000_000 / count)));
  const base = measure(() => naive(labels, slice), slice.length);
  rows.push([count, Math.round(run.perSecond), Math.round(base.perSecond), (run.perSecond / base.perSecond).toFixed(1) + 'x', hits, (built.seconds).toFixed(2), (matcher.index.bytes / 2 ** 20).toFixed(1), (run.peakRss / 2 ** 20).toFixed(0)]);
}
printTable(`match: ${names.length.toLocaleString()} names (CT names tiles + Cloudflare top 100k, repeated), every detector on`, ['brands', 'names/s', 'naive names/s', 'ratio', 'hits', 'compile s', 'index MiB', 'peak RSS MiB'], rows);
