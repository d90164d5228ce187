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

/** What builds a lazy detection's reasons: from what it holds and the detection's target, the same whenever read. */
export interface ReasonSource {
  reasonsFor(target: Target): readonly string[];
}

/**
 * A detection whose reasons are built when first read: most detections never reach a hit. Lazy detectors (combos,
 * typos) all make this one class, so the loads of d.target, d.score and d.techniques in the sink and in aggregate
 * meet few maps: past four, V8's inline caches go megamorphic (a class each made hit names ~5% slower).
 */
export class LazyDetection implements Detection {
  constructor(
    readonly target: Target,
    readonly score: number,
    readonly techniques: readonly Technique[],
    private readonly source: ReasonSource,
  ) {}

  get reasons(): readonly string[] {
    return this.source.reasonsFor(this.target);
  }
}
