import type { BrandIndex } from '../brands/compile.js';
import { clampScore, type Detection } from '../detect/detection.js';
import type { ParsedName } from '../names/index.js';
import type { Hit, Technique } from '../types.js';

/** Each extra technique seen on the same brand domain adds a little: two tricks at once are rarely chance. */
const PER_EXTRA_TECHNIQUE = 0.04;

/**
 * Detections → hits: one hit per brand, for the brand domain with the best detection; detections on
 * that same domain add their techniques and reasons. Ties go to the lower target id (the brand's first
 * domain) and, between hits, to the brand listed first, so the result does not hang on the order in
 * which the finders happened to report.
 */
export function aggregate(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): Hit[] {
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
    const techniques: Technique[] = [];
    const reasons: string[] = [];
    for (const d of detections) {
      if (d.target.brand !== brand || d.target.domain !== top.target.domain) continue;
      for (const t of d.techniques) if (!techniques.includes(t)) techniques.push(t);
      for (const r of d.reasons) if (!reasons.includes(r)) reasons.push(r);
    }
    const score = clampScore(top.score + PER_EXTRA_TECHNIQUE * (techniques.length - top.techniques.length));
    if (score < threshold) continue;
    hits.push({
      name: name.host,
      display: name.display,
      domain: name.domain,
      brand: index.brands[brand]?.name ?? '',
      brandDomain: top.target.domain,
      score,
      techniques,
      reasons,
    });
  }
  // A stable sort: equal scores stay in brand order.
  return hits.length < 2 ? hits : hits.sort((a, b) => b.score - a.score);
}
