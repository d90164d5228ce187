import type { BrandIndex } from '../brands/compile.js';

/** Record bits 0–25: some target's suffix starts with letter c (bit c - 97); bit 26: with anything else. */
export const OTHER_START = 1 << 26;
/** Record bit: every target of the pattern is weak (such targets only ever make levelsquats in a subdomain). */
export const ALL_WEAK = 1 << 27;
/** Record bit: some target is a brand domain written flat (a combo of it is never null). */
export const FLAT_DOMAIN = 1 << 28;
/** Words a pattern's record takes: facts, first target, target count, pattern length. */
export const RECORD = 4;
/** A target's entry in `targets`: its id, then its first suffix code (NO_SUFFIX for none) and TARGET_WEAK. */
export const ENTRY = 2;
/** Entry first-suffix-code for a target with no suffix (or not a domain): equal to no code and to no -1. */
export const NO_SUFFIX = 0x10000;
/** Entry mask of the first suffix code (a UTF-16 code, or NO_SUFFIX). */
export const SUFFIX_START = 0x1ffff;
/** Entry bit: the target is weak. */
export const TARGET_WEAK = 1 << 17;

/**
 * What the token finder reads of an automaton pattern, in one 16-byte record (pattern p at p * RECORD): the facts of
 * its targets (bits above), where its targets' entries start in `targets` (in entries) and how many there are, and its length in symbols.
 * A match most often ends at these facts: one cache line instead of the six structures it took (three fact arrays,
 * the pattern lengths, an array of arrays of ids), each a likely cache miss at 10,000 brands.
 */
export class TokenPatterns {
  readonly records: Int32Array;
  /**
   * Each pattern's targets in a run, in the order of BrandIndex.patternTargets, an entry of ENTRY words each: what
   * rules most subdomain targets out (the first code of their suffix, whether weak) sits beside the id, so that the
   * Target object is only read for the targets that can make a detection (`www` has fifteen weak targets).
   */
  readonly targets: Int32Array;

  constructor(index: BrandIndex) {
    const patterns = index.patternTargets;
    this.records = new Int32Array(patterns.length * RECORD);
    this.targets = new Int32Array(ENTRY * patterns.reduce((sum, ids) => sum + ids.length, 0));
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
      for (const id of ids) {
        const t = index.targets[id];
        const suffix = t === undefined || t.suffix === '' ? NO_SUFFIX : t.suffix.charCodeAt(0);
        this.targets[ENTRY * next] = id;
        this.targets[ENTRY * next + 1] = suffix | (t?.weak ?? true ? TARGET_WEAK : 0);
        next++;
      }
    });
  }
}

/** The record bit of a suffix's first character: a–z, anything else, or none for NaN (no suffix). */
export function startBit(code: number): number {
  if (code !== code) return 0;
  return code >= 97 && code <= 122 ? 1 << (code - 97) : OTHER_START;
}
