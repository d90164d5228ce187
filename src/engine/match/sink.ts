import type { Target } from '../brands/target.js';
import type { Detection } from '../detect/detection.js';

/** Where the finders of one scan put their detections: the scanner, which knows the name being matched. */
export interface DetectionSink {
  /** Whether the name's registrable domain belongs to (or is allowed by) the target's brand: never alerted. */
  owned(t: Target): boolean;
  /** owned(t) for any target of brand `brand`: asked where the brand is at hand without the Target object. */
  ownedBrand(brand: number): boolean;
  /** Keeps a detection unless it is null or on an owned brand. */
  push(d: Detection | null): void;
  /** Keeps a detection the caller knows is on a brand that does not own the name (push without the check). */
  add(d: Detection): void;
}
