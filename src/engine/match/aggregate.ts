import type { BrandIndex } from '../brands/compile.js';
import { clampScore, type Detection } from '../detect/detection.js';
import type { ParsedName } from '../names/index.js';
import type { Hit, Technique } from '../types.js';

/** Each extra technique seen on the same brand domain adds a little: two tricks at once are rarely chance. */
const PER_EXTRA_TECHNIQUE = 0.04;

/**
 * Detections → hits: one hit per brand, for the brand domain with the best detection; detections on
 * that same domain add their techniques and reasons.
 */
export function aggregate(name: ParsedName, detections: readonly Detection[], index: BrandIndex, threshold: number): Hit[] {
  const best = new Map<number, Detection>();
  for (const d of detections) {
    const prev = best.get(d.target.brand);
    if (prev === undefined || d.score > prev.score) best.set(d.target.brand, d);
  }
  const hits: Hit[] = [];
  for (const [brand, top] of best) {
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
  return hits.sort((a, b) => b.score - a.score);
}
