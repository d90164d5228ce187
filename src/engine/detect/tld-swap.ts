import type { Target } from '../brands/target.js';
import type { Technique } from '../types.js';
import { clampScore, LazyDetection, type Detection, type ReasonSource } from './detection.js';

const TLD_SWAP: readonly Technique[] = Object.freeze(['tld-swap']);

/** The brand's exact label under another public suffix (`en-marche.co` for `en-marche.fr`). */
export function detectTldSwap(label: string, suffix: string, target: Target): Detection | null {
  if (!target.isDomain || label !== target.label || suffix === target.suffix) return null;
  // An everyday word under another suffix (`office.fr`) is mostly somebody else's honest name.
  const score = target.weak ? 0.3 : target.label.length >= 5 ? 0.85 : 0.7;
  return new LazyDetection(target, clampScore(score), TLD_SWAP, new TldSwapReasons(suffix));
}

/**
 * A tld-swap's reason, built when read: a brand with many domains (`amazon` has 26) gives a name under another suffix
 * as many detections, of which the hit reads one domain's.
 */
class TldSwapReasons implements ReasonSource {
  constructor(private readonly suffix: string) {}

  reasonsFor(target: Target): readonly string[] {
    return [`\`${target.label}\` under .${this.suffix} instead of .${target.suffix}`];
  }
}
