import type { BrandIndex } from '../brands/compile.js';

/** Record bits 0–25: some target's suffix starts with letter c (bit c - 97); bit 26: with anything else. */
export const OTHER_START = 1 << 26;
/** Record bit: every target of the pattern is weak (such targets only ever make levelsquats in a subdomain). */
export const ALL_WEAK = 1 << 27;
/** Record bit: some target is a brand domain written flat (a combo of it is never null). */
export const FLAT_DOMAIN = 1 << 28;
/** Words a pattern's record takes: facts, first target, target count, pattern length. */
export const RECORD = 4;

/**
 * What the token finder reads of an automaton pattern, in one 16-byte record (pattern p at p * RECORD): the facts of
 * its targets (bits above), where its target ids start in `ids` and how many there are, and its length in symbols.
 * A match most often ends at these facts: one cache line instead of the six structures it took (three fact arrays,
 * the pattern lengths, an array of arrays of ids), each a likely cache miss at 10,000 brands.
 */
export class TokenPatterns {
  readonly records: Int32Array;
  /** Target ids, each pattern's in a run, in the order of BrandIndex.patternTargets. */
  readonly ids: Int32Array;

  constructor(index: BrandIndex) {
    const patterns = index.patternTargets;
    this.records = new Int32Array(patterns.length * RECORD);
    this.ids = new Int32Array(patterns.reduce((sum, ids) => sum + ids.length, 0));
    let next = 0;
    patterns.forEach((ids, p) => {
      let facts = ids.every((id) => index.targets[id]?.weak ?? true) ? ALL_WEAK : 0;
      for (const id of ids) {
        const t = index.targets[id];
        facts |= startBit(t?.suffix.charCodeAt(0) ?? NaN);
        if (t?.flatDomain === true) facts |= FLAT_DOMAIN;
      }
      this.records[p * RECORD] = facts;
      this.records[p * RECORD + 1] = next;
      this.records[p * RECORD + 2] = ids.length;
      this.records[p * RECORD + 3] = index.automaton.patternLength[p] ?? 0;
      for (const id of ids) this.ids[next++] = id;
    });
  }
}

/** The record bit of a suffix's first character: a–z, anything else, or none for NaN (no suffix). */
export function startBit(code: number): number {
  if (code !== code) return 0;
  return code >= 97 && code <= 122 ? 1 << (code - 97) : OTHER_START;
}
