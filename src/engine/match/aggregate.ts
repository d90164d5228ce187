import type { BrandIndex } from '../brands/compile.js';
import { clampScore, type Detection } from '../detect/detection.js';
import type { Target } from '../brands/target.js';
import type { ParsedName } from '../names/index.js';
import type { Hit, Technique } from '../types.js';

/** Each extra technique seen on the same brand domain adds a little: two tricks at once are rarely chance. */
const PER_EXTRA_TECHNIQUE = 0.04;

/** Up to this many detections, brands are grouped by scanning the list (no Map); past it, by a Map. */
const FEW = 32;

const NO_HITS: readonly Hit[] = Object.freeze([]);

/**
 * The fields of the detections being aggregated, read once each into flat arrays: detections come in several classes
 * (plain objects, combos, lazy subdomain words), so each `d.target` or `d.score` is a megamorphic load, and grouping
 * by brand read them O(n²) times (aggregateFew was ~3.4% of the matcher's profile on hit names).
 */
class Loaded {
  targets: Target[] = [];
  brands = new Int32Array(FEW);
  ids = new Int32Array(FEW);
  scores = new Float64Array(FEW);
  /** How many techniques each detection names. */
  counts = new Int32Array(FEW);

  load(detections: readonly Detection[]): void {
    const n = detections.length;
    if (n > this.brands.length) {
      this.brands = new Int32Array(2 * n);
      this.ids = new Int32Array(2 * n);
      this.scores = new Float64Array(2 * n);
      this.counts = new Int32Array(2 * n);
    }
    const targets = this.targets;
    for (let i = 0; i < n; i++) {
      const d = detections[i];
      if (d === undefined) continue;
      const t = d.target;
      targets[i] = t;
      this.brands[i] = t.brand;
      this.ids[i] = t.id;
      this.scores[i] = d.score;
      this.counts[i] = d.techniques.length;
    }
  }
}

const loaded = new Loaded();

/**
 * Detections → hits: one hit per brand, for the brand domain with the best detection; detections on
 * that same domain add their techniques and reasons. Ties go to the lower target id (the brand's first
 * domain) and, between hits, to the brand listed first, so the result does not hang on the order in
 * which the finders happened to report.
 */
export function aggregate(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): readonly Hit[] {
  const only = detections.length === 1 ? detections[0] : undefined;
  if (only !== undefined) return aggregateOne(name, only, index, threshold);
  loaded.load(detections);
  return detections.length <= FEW ? aggregateFew(name, detections, index, threshold) : aggregateMany(name, detections, index, threshold);
}

/**
 * One detection (half the names with any): its hit, or none, read from it alone, with no flat arrays loaded. Its score
 * is the detection's unless it names a technique twice (each repeat would take PER_EXTRA_TECHNIQUE off, as hitFor does).
 */
function aggregateOne(name: ParsedName, d: Detection, index: BrandIndex, threshold: number): readonly Hit[] {
  const ts = d.techniques;
  let repeats = 0;
  for (let k = 1; k < ts.length; k++) if (ts.indexOf(ts[k] as Technique) < k) repeats++;
  const score = clampScore(d.score - PER_EXTRA_TECHNIQUE * repeats);
  if (score < threshold) return NO_HITS;
  // Copied by hand: the shared technique arrays are frozen, and slice() takes a slow path on frozen elements.
  const techniques: Technique[] = [];
  for (let k = 0; k < ts.length; k++) {
    const x = ts[k] as Technique;
    if (repeats === 0 || !techniques.includes(x)) techniques.push(x);
  }
  const t = d.target;
  return [
    {
      name: name.host,
      display: name.display,
      domain: name.domain,
      brand: index.brands[t.brand]?.name ?? '',
      brandDomain: t.domain,
      score,
      techniques,
      reasons: distinct(d.reasons),
    },
  ];
}

/** Whether detection j beats detection top for their brand: a higher score, or the same and a lower target id. */
function beats(j: number, top: number): boolean {
  const scores = loaded.scores;
  const sj = scores[j] ?? 0;
  const st = scores[top] ?? 0;
  return sj > st || (sj === st && (loaded.ids[j] ?? 0) < (loaded.ids[top] ?? 0));
}

/**
 * Most names have a few detections, most of them under the threshold: a brand whose score cannot reach it
 * even if every technique on its domain were new is dropped before any array or Map is made.
 */
function aggregateFew(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): readonly Hit[] {
  const n = detections.length;
  const { brands, counts, targets } = loaded;
  // Most names that reach this far have one brand above the bound: it is held apart, and an array made for a second.
  let one = -1;
  let tops: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const brand = brands[i] ?? 0;
    if (firstOfBrand(brands, i) !== i) continue;
    let top = i;
    for (let j = i + 1; j < n; j++) if (brands[j] === brand && beats(j, top)) top = j;
    const domain = targets[top]?.domain;
    let techniques = 0;
    for (let j = i; j < n; j++) if (brands[j] === brand && targets[j]?.domain === domain) techniques += counts[j] ?? 0;
    // clampScore is monotone: the bound failing means the real score fails too.
    if (clampScore((loaded.scores[top] ?? 0) + PER_EXTRA_TECHNIQUE * (techniques - (counts[top] ?? 0))) < threshold) continue;
    if (one < 0) one = top;
    else (tops ??= [one]).push(top);
  }
  if (one < 0) return NO_HITS;
  if (tops === null) {
    const hit = hitFor(name, one, detections, index, threshold);
    return hit === null ? NO_HITS : [hit];
  }
  // Brands in the order they are listed, as aggregateMany takes them.
  for (let i = 1; i < tops.length; i++) {
    const t = tops[i] ?? 0;
    const brand = brands[t] ?? 0;
    let j = i - 1;
    for (; j >= 0 && (brands[tops[j] ?? 0] ?? 0) > brand; j--) tops[j + 1] = tops[j] ?? t;
    tops[j + 1] = t;
  }
  const hits: Hit[] = [];
  for (let i = 0; i < tops.length; i++) {
    const hit = hitFor(name, tops[i] ?? 0, detections, index, threshold);
    if (hit !== null) hits.push(hit);
  }
  return byScore(hits);
}

/** Where brands[i] first appears. */
function firstOfBrand(brands: Int32Array, i: number): number {
  const brand = brands[i];
  let k = 0;
  while (k < i && brands[k] !== brand) k++;
  return k;
}

function aggregateMany(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): readonly Hit[] {
  const best = new Map<number, number>();
  for (let i = 0; i < detections.length; i++) {
    const brand = loaded.brands[i] ?? 0;
    const prev = best.get(brand);
    if (prev === undefined || beats(i, prev)) best.set(brand, i);
  }
  const hits: Hit[] = [];
  const brands = best.size < 2 ? [...best.keys()] : [...best.keys()].sort((a, b) => a - b);
  for (const brand of brands) {
    const top = best.get(brand);
    if (top === undefined) continue;
    const hit = hitFor(name, top, detections, index, threshold);
    if (hit !== null) hits.push(hit);
  }
  return byScore(hits);
}

/**
 * The hit for detections[top]'s brand: the techniques and reasons of every detection on its brand domain, in the order
 * found. Its score hangs on the techniques alone: the reasons (a getter on lazy detections, building strings) are read
 * only for a hit that reaches the threshold.
 */
function hitFor(name: ParsedName, top: number, detections: readonly Detection[], index: BrandIndex, threshold: number): Hit | null {
  const techniques: Technique[] = [];
  const { brands, targets } = loaded;
  const brand = brands[top] ?? 0;
  const domain = targets[top]?.domain ?? '';
  // Indexed loops: for-of left an iterator object per loop on this path.
  let first = -1;
  let count = 0;
  for (let i = 0; i < detections.length; i++) {
    const d = detections[i];
    if (d === undefined || brands[i] !== brand || targets[i]?.domain !== domain) continue;
    if (count++ === 0) first = i;
    const ts = d.techniques;
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k];
      if (t !== undefined && !techniques.includes(t)) techniques.push(t);
    }
  }
  const score = clampScore((loaded.scores[top] ?? 0) + PER_EXTRA_TECHNIQUE * (techniques.length - (loaded.counts[top] ?? 0)));
  if (score < threshold) return null;
  return {
    name: name.host,
    display: name.display,
    domain: name.domain,
    brand: index.brands[brand]?.name ?? '',
    brandDomain: domain,
    score,
    techniques,
    reasons: count === 1 ? distinct(detections[first]?.reasons ?? []) : reasonsOf(detections, brand, domain),
  };
}

/** A detection's reasons, each once, in a fresh array: most often one or two, which no other shares. */
function distinct(rs: readonly string[]): string[] {
  const out = rs.slice();
  for (let k = 1; k < out.length; k++) {
    if (out.indexOf(out[k] ?? '') < k) return reasonsFrom(rs);
  }
  return out;
}

/** distinct's way when a reason repeats: each kept once, in the order first read. */
function reasonsFrom(rs: readonly string[]): string[] {
  const reasons: string[] = [];
  for (let k = 0; k < rs.length; k++) {
    const r = rs[k];
    if (r !== undefined && !reasons.includes(r)) reasons.push(r);
  }
  return reasons;
}

/** The reasons of every detection on the brand's domain, each once, in the order found; each detection's read once. */
function reasonsOf(detections: readonly Detection[], brand: number, domain: string): string[] {
  const { brands, targets } = loaded;
  const reasons: string[] = [];
  for (let i = 0; i < detections.length; i++) {
    const d = detections[i];
    if (d === undefined || brands[i] !== brand || targets[i]?.domain !== domain) continue;
    const rs = d.reasons;
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      if (r !== undefined && !reasons.includes(r)) reasons.push(r);
    }
  }
  return reasons;
}

/** Best score first, equal scores kept in brand order: a stable insertion sort (Array.prototype.sort allocates). */
function byScore(hits: Hit[]): Hit[] {
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i];
    if (h === undefined) continue;
    let j = i - 1;
    for (; j >= 0 && (hits[j]?.score ?? 0) < h.score; j--) hits[j + 1] = hits[j] ?? h;
    hits[j + 1] = h;
  }
  return hits;
}
