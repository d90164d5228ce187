import type { Provenance } from '../engine/index.js';

/**
 * What makes a sighting the same sighting when a feed replays it: its position in the source
 * (a CT leaf index, a line number), or, when the feed gives none, its time. The prefix keeps the
 * two apart, so a position is never mistaken for a time.
 */
export function sightingKey(p: Provenance): string {
  return p.position === undefined ? `t${p.seenAt}` : `p${p.position}`;
}

/** The position a key was made from, or null for a key made from a time. */
export function positionOf(key: string): string | null {
  return key.startsWith('p') ? key.slice(1) : null;
}
