/**
 * bench/cost: where the matcher's time goes at 10,000 brands (the watchlist of bench/match), on the two things its
 * speed turns on. CPU nanoseconds a name, best of three passes of at least 300,000 matches each.
 * 1. How much of a candidate a name is: names grouped by their hits at threshold 0 (the brands something was detected
 *    for, before the threshold drops most), each group timed at the default threshold, with its share of the stream's time.
 * 2. Memory, not work: the names with no hit, as evenly spaced sets of 50, 1,000 and all of them. The same code on a
 *    small set keeps the index's tables in the cache, as a real stream, and the whole set, does not.
 * Run: npm run bench -- cost   (or: npx tsx bench/cost.ts).
 */
import { createMatcher, type Matcher } from '../src/engine/index.js';
import { loadDefaultWords } from '../src/config/index.js';
import { printTable } from './table.js';
import { ctNames, popularBrands, toplist } from './support/inputs.js';

const BRANDS = 10_000;
const words = await loadDefaultWords();
const brands = popularBrands().slice(0, BRANDS);
const matcher = createMatcher(brands, { keywords: words.keywords, generic: words.generic });
const everything = createMatcher(brands, { keywords: words.keywords, generic: words.generic, threshold: 0 });

/** CPU ns a name for matching `names`, best of three passes. */
function nsPerName(m: Matcher, names: readonly string[]): number {
  const reps = Math.max(1, Math.ceil(300_000 / names.length));
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const c0 = process.cpuUsage();
    for (let r = 0; r < reps; r++) for (const n of names) m.match(n);
    const c = process.cpuUsage(c0);
    best = Math.min(best, ((c.user + c.system) * 1000) / (reps * names.length));
  }
  return best;
}

/** Groups by the name's hits at threshold 0: one hit a brand, so the number of brands it is a candidate for. */
const GROUPS: readonly (readonly [string, number, number])[] = [
  ['0', 0, 0],
  ['1', 1, 1],
  ['2', 2, 2],
  ['3-4', 3, 4],
  ['5 or more', 5, Infinity],
];

function byCandidacy(stream: string, names: readonly string[]): (string | number)[][] {
  const groups = GROUPS.map(() => [] as string[]);
  for (const n of names) {
    const k = everything.match(n).length;
    const g = GROUPS.findIndex(([, lo, hi]) => k >= lo && k <= hi);
    groups[g]?.push(n);
  }
  const costs = groups.map((g) => (g.length === 0 ? 0 : nsPerName(matcher, g)));
  const total = costs.reduce((sum, c, i) => sum + c * (groups[i]?.length ?? 0), 0);
  return GROUPS.map(([label], i) => {
    const count = groups[i]?.length ?? 0;
    const cost = costs[i] ?? 0;
    return [stream, label, count, Math.round(cost), `${((100 * cost * count) / total).toFixed(1)}%`];
  });
}

const top = toplist('misp-warninglist-cloudflare-top100k.json');
printTable(
  `cost 1: CPU ns a name at ${BRANDS.toLocaleString('en-US')} brands, default threshold, by the name's hits at threshold 0`,
  ['stream', 'hits at 0', 'names', 'ns a name', 'share of time'],
  [...byCandidacy('Cloudflare top 100k', top), ...byCandidacy('CT names', ctNames())],
);

const misses = top.filter((n) => everything.match(n).length === 0);
const spaced = (size: number): string[] => {
  const step = Math.max(1, Math.floor(misses.length / size));
  return misses.filter((_, i) => i % step === 0).slice(0, size);
};
const rows = [50, 1000, misses.length].map((size) => {
  const ns = nsPerName(matcher, spaced(size));
  return [size, Math.round(ns), Math.round(1e9 / ns)];
});
printTable(
  `cost 2: the popular names with no hit at ${BRANDS.toLocaleString('en-US')} brands, as evenly spaced sets: a small set keeps the tables in the cache`,
  ['names in the set', 'ns a name', 'names/s'],
  rows,
);
