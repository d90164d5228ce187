import type { Target } from '../brands/target.js';
import { clampScore, type Detection } from './detection.js';

/** The brand's exact label under another public suffix (`en-marche.co` for `en-marche.fr`). */
export function detectTldSwap(label: string, suffix: string, target: Target): Detection | null {
  if (!target.isDomain || label !== target.label || suffix === target.suffix) return null;
  // An everyday word under another suffix (`office.fr`) is mostly somebody else's honest name.
  const score = target.weak ? 0.3 : target.label.length >= 5 ? 0.85 : 0.7;
  return { target, score: clampScore(score), techniques: ['tld-swap'], reasons: [`\`${label}\` under .${suffix} instead of .${target.suffix}`] };
}
