import type { BrandIndex } from '../brands/compile.js';
import { clampScore, type Detection } from '../detect/detection.js';
import type { ParsedName } from '../names/index.js';
import type { Hit, Technique } from '../types.js';

/** Each extra technique seen on the same brand domain adds a little: two tricks at once are rarely chance. */
const PER_EXTRA_TECHNIQUE = 0.04;

/** Up to this many detections, brands are grouped by scanning the list (no Map); past it, by a Map. */
const FEW = 32;

const NO_HITS: readonly Hit[] = Object.freeze([]);

/**
 * Detections → hits: one hit per brand, for the brand domain with the best detection; detections on
 * that same domain add their techniques and reasons. Ties go to the lower target id (the brand's first
 * domain) and, between hits, to the brand listed first, so the result does not hang on the order in
 * which the finders happened to report.
 */
export function aggregate(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): readonly Hit[] {
  return detections.length <= FEW ? aggregateFew(name, detections, index, threshold) : aggregateMany(name, detections, index, threshold);
}

/**
 * Most names have a few detections, most of them under the threshold: a brand whose score cannot reach it
 * even if every technique on its domain were new is dropped before any array or Map is made.
 */
function aggregateFew(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): readonly Hit[] {
  const n = detections.length;
  let tops: Detection[] | null = null;
  for (let i = 0; i < n; i++) {
    const first = detections[i];
    if (first === undefined || firstOfBrand(detections, i) !== i) continue;
    const brand = first.target.brand;
    let top = first;
    for (let j = i + 1; j < n; j++) {
      const d = detections[j];
      if (d !== undefined && d.target.brand === brand && (d.score > top.score || (d.score === top.score && d.target.id < top.target.id))) top = d;
    }
    let techniques = 0;
    for (let j = i; j < n; j++) {
      const d = detections[j];
      if (d !== undefined && d.target.brand === brand && d.target.domain === top.target.domain) techniques += d.techniques.length;
    }
    // clampScore is monotone: the bound failing means the real score fails too.
    if (clampScore(top.score + PER_EXTRA_TECHNIQUE * (techniques - top.techniques.length)) < threshold) continue;
    tops ??= [];
    tops.push(top);
  }
  if (tops === null) return NO_HITS;
  // Brands in the order they are listed, as aggregateMany takes them.
  for (let i = 1; i < tops.length; i++) {
    const t = tops[i];
    if (t === undefined) continue;
    let j = i - 1;
    for (; j >= 0 && (tops[j]?.target.brand ?? 0) > t.target.brand; j--) tops[j + 1] = tops[j] ?? t;
    tops[j + 1] = t;
  }
  const hits: Hit[] = [];
  for (const top of tops) {
    const hit = hitFor(name, top, detections, index, threshold);
    if (hit !== null) hits.push(hit);
  }
  // A stable sort: equal scores stay in brand order.
  return hits.length < 2 ? hits : hits.sort((a, b) => b.score - a.score);
}

/** Where detections[i]'s brand first appears in the list. */
function firstOfBrand(detections: readonly Detection[], i: number): number {
  const brand = detections[i]?.target.brand;
  let k = 0;
  while (k < i && detections[k]?.target.brand !== brand) k++;
  return k;
}

function aggregateMany(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): readonly Hit[] {
  const best = new Map<number, Detection>();
  for (const d of detections) {
    const prev = best.get(d.target.brand);
    if (prev === undefined || d.score > prev.score || (d.score === prev.score && d.target.id < prev.target.id)) best.set(d.target.brand, d);
  }
  const hits: Hit[] = [];
  const brands = best.size < 2 ? [...best.keys()] : [...best.keys()].sort((a, b) => a - b);
  for (const brand of brands) {
    const top = best.get(brand);
    if (top === undefined) continue;
    const hit = hitFor(name, top, detections, index, threshold);
    if (hit !== null) hits.push(hit);
  }
  // A stable sort: equal scores stay in brand order.
  return hits.length < 2 ? hits : hits.sort((a, b) => b.score - a.score);
}

/** The hit for top's brand: the techniques and reasons of every detection on top's brand domain, in the order found. */
function hitFor(name: ParsedName, top: Detection, detections: readonly Detection[], index: BrandIndex, threshold: number): Hit | null {
  const techniques: Technique[] = [];
  const reasons: string[] = [];
  for (const d of detections) {
    if (d.target.brand !== top.target.brand || d.target.domain !== top.target.domain) continue;
    for (const t of d.techniques) if (!techniques.includes(t)) techniques.push(t);
    for (const r of d.reasons) if (!reasons.includes(r)) reasons.push(r);
  }
  const score = clampScore(top.score + PER_EXTRA_TECHNIQUE * (techniques.length - top.techniques.length));
  if (score < threshold) return null;
  return {
    name: name.host,
    display: name.display,
    domain: name.domain,
    brand: index.brands[top.target.brand]?.name ?? '',
    brandDomain: top.target.domain,
    score,
    techniques,
    reasons,
  };
}
