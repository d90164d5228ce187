import type { Target } from '../brands/target.js';
import type { Technique } from '../types.js';

/** What one detector says about one name against one target. */
export interface Detection {
  readonly target: Target;
  readonly score: number;
  readonly techniques: readonly Technique[];
  readonly reasons: readonly string[];
}

export function clampScore(x: number): number {
  return x < 0 ? 0 : x > 0.99 ? 0.99 : Math.round(x * 1000) / 1000;
}
