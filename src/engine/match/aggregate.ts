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
  // Most names that reach this far have one brand above the bound: it is held apart, and an array made for a second.
  let one: Detection | null = null;
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
    if (one === null) one = top;
    else (tops ??= [one]).push(top);
  }
  if (one === null) return NO_HITS;
  if (tops === null) {
    const hit = hitFor(name, one, detections, index, threshold);
    return hit === null ? NO_HITS : [hit];
  }
  // Brands in the order they are listed, as aggregateMany takes them.
  for (let i = 1; i < tops.length; i++) {
    const t = tops[i];
    if (t === undefined) continue;
    let j = i - 1;
    for (; j >= 0 && (tops[j]?.target.brand ?? 0) > t.target.brand; j--) tops[j + 1] = tops[j] ?? t;
    tops[j + 1] = t;
  }
  const hits: Hit[] = [];
  for (let i = 0; i < tops.length; i++) {
    const top = tops[i];
    const hit = top === undefined ? null : hitFor(name, top, detections, index, threshold);
    if (hit !== null) hits.push(hit);
  }
  return byScore(hits);
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
  return byScore(hits);
}

/** The hit for top's brand: the techniques and reasons of every detection on top's brand domain, in the order found. */
function hitFor(name: ParsedName, top: Detection, detections: readonly Detection[], index: BrandIndex, threshold: number): Hit | null {
  const techniques: Technique[] = [];
  const reasons: string[] = [];
  const brand = top.target.brand;
  const domain = top.target.domain;
  // Indexed loops: for-of left an iterator object per loop on this path.
  for (let i = 0; i < detections.length; i++) {
    const d = detections[i];
    if (d === undefined || d.target.brand !== brand || d.target.domain !== domain) continue;
    // Each read once: `reasons` is a getter on lazy detections (a combo's may rebuild its strings when read again).
    const ts = d.techniques;
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k];
      if (t !== undefined && !techniques.includes(t)) techniques.push(t);
    }
    const rs = d.reasons;
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      if (r !== undefined && !reasons.includes(r)) reasons.push(r);
    }
  }
  const score = clampScore(top.score + PER_EXTRA_TECHNIQUE * (techniques.length - top.techniques.length));
  if (score < threshold) return null;
  return {
    name: name.host,
    display: name.display,
    domain: name.domain,
    brand: index.brands[brand]?.name ?? '',
    brandDomain: domain,
    score,
    techniques,
    reasons,
  };
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
