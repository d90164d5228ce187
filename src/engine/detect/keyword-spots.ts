import { createMatches, type AutomatonMatches } from '../index/index.js';
import type { SkeletonBuffer } from '../names/index.js';
import { isSeparator } from './combo-rest.js';
import type { KeywordSet } from './keywords.js';

// Texts of every string shape come through here: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** Spots past this many are not kept: `within` then knows nothing. */
const CAPACITY = 256;

/** Symbols sureOutside scans at a time. */
const SURE_STEP = 12;

const SURE = 1;
const NONE = 0;
const UNKNOWN = -1;

/**
 * Every keyword in a name's skeleton, from one pass of the keywords' automaton (~2 ns a character), so that whether
 * readRest would find a keyword in some part of the name is mostly known without covering its segments (a cover is
 * ~45 ns + 15 ns a character, and a CT name's subdomain has ~8 segments). `within` answers SURE, NONE or UNKNOWN;
 * readers fall back to the covers on UNKNOWN.
 */
export class KeywordSpots {
  private readonly matches: AutomatonMatches = createMatches(CAPACITY);
  /** Per spot: its first and last skeleton index, and its keyword's flags (KeywordSet.spotFlags). */
  private readonly first = new Int32Array(CAPACITY);
  private readonly last = new Int32Array(CAPACITY);
  private readonly flags = new Uint8Array(CAPACITY);
  /** Per spot: 1 when a separator stands between its symbols (it crosses segments: only a join could read it). */
  private readonly split = new Uint8Array(CAPACITY);
  private count = 0;
  private full = false;
  private sk: SkeletonBuffer | null = null;
  private keywords: KeywordSet | null = null;
  /** Skeleton symbols scanned so far, and the automaton's state after them. */
  private scanned = 0;
  private state = 0;

  /** Finds the keywords in the whole of `sk` (the skeleton of the text `within` will be asked about). */
  find(keywords: KeywordSet, sk: SkeletonBuffer): void {
    this.begin(keywords, sk);
    this.scanTo(sk.length);
  }

  /**
   * Starts on `sk` with nothing scanned: `within`, `quiet` and `sureOutside` scan as far as they need (sureOutside
   * stops at the first plain keyword beside the token, and the rest of the name is then mostly never scanned).
   */
  begin(keywords: KeywordSet, sk: SkeletonBuffer): void {
    this.keywords = keywords;
    this.sk = sk;
    this.matches.count = 0;
    this.count = 0;
    this.full = false;
    this.scanned = 0;
    this.state = 0;
    // Without a resumable table the whole skeleton is scanned at once.
    if (!keywords.automaton.resumable) this.scanTo(sk.length);
  }

  /** Scans the skeleton up to the first symbol from text index `at` on (every spot ending before `at` is then known). */
  private scanUpTo(at: number): void {
    const sk = this.sk;
    if (sk === null) return;
    const origin = sk.origin;
    let stop = this.scanned;
    while (stop < sk.length && (origin[stop] ?? 0) < at) stop++;
    this.scanTo(stop);
  }

  /** Scans skeleton symbols [scanned, stop) and reads their spots. */
  private scanTo(stop: number): void {
    const sk = this.sk;
    const keywords = this.keywords;
    if (sk === null || keywords === null || stop <= this.scanned) return;
    const m = this.matches;
    const from = m.count;
    this.state = keywords.automaton.scanFlat(sk.codes, this.scanned, stop, m, this.state);
    this.scanned = stop;
    this.full = m.count === CAPACITY;
    const codes = sk.codes;
    for (let k = from; k < m.count; k++) {
      const pattern = m.pattern[k] ?? 0;
      const end = m.end[k] ?? 0;
      // Walk back over the keyword's symbols; a separator on the way means it crosses segments.
      let left = keywords.automaton.patternLength[pattern] ?? 0;
      let i = end;
      let split = 0;
      for (; ; i--) {
        if (isSeparator(codes[i] ?? 0)) {
          split = 1;
          continue;
        }
        if (--left === 0) break;
      }
      this.first[k] = i;
      this.last[k] = end;
      this.flags[k] = keywords.spotFlags[pattern] ?? 0;
      this.split[k] = split;
    }
    this.count = m.count;
  }

  /**
   * Whether a keyword that makes `within` SURE by itself (with a letter, not short, inside one segment) stands outside
   * text[a, b) and off the dot before the label: scanned a few symbols at a time, stopping at the first such keyword,
   * which on CT names mostly comes well before the end. False when there is none, or none within the capacity.
   */
  sureOutside(a: number, b: number): boolean {
    const sk = this.sk;
    if (sk === null) return false;
    let k = 0;
    for (;;) {
      for (; k < this.count; k++) {
        if (this.split[k] === 1 || (this.flags[k] ?? 0) !== SPOT_LETTER) continue;
        if ((sk.origin[this.last[k] ?? 0] ?? 0) < a || (sk.origin[this.first[k] ?? 0] ?? 0) >= b) return true;
      }
      if (this.scanned >= sk.length || this.full) return false;
      this.scanTo(Math.min(this.scanned + SURE_STEP, sk.length));
    }
  }

  /**
   * Whether readRest, reading text[from, to) (the units being its segments, cut at `from` and `to`), would find a
   * keyword: SURE when a keyword with a letter stands inside one unit (a short one: filling it), as any such keyword
   * lowers the unit's uncovered count and so shows in its cover, or in the cover of the join that took the unit;
   * NONE when no keyword stands inside the span at all; UNKNOWN otherwise (a keyword across a separator, which only
   * a join reads, or one of digits alone, which a cover may or may not list).
   */
  within(text: string, offset: number, from: number, to: number): number {
    this.scanUpTo(offset + to);
    if (this.full) return UNKNOWN;
    const sk = this.sk;
    if (sk === null) return UNKNOWN;
    const origin = sk.origin;
    let answer = NONE;
    for (let k = 0; k < this.count; k++) {
      const f = this.first[k] ?? 0;
      const l = this.last[k] ?? 0;
      const a = (origin[f] ?? 0) - offset;
      const b = (origin[l] ?? 0) - offset + 1;
      if (a < from || b > to) continue;
      if (this.split[k] === 1) {
        answer = UNKNOWN;
        continue;
      }
      const flags = this.flags[k] ?? 0;
      if ((flags & SPOT_SHORT) !== 0) {
        // A short keyword counts only filling its unit: no symbol of the unit before or after it.
        let unitStart = a;
        while (unitStart > from && !isSeparator(charCodeAt.call(text, unitStart - 1))) unitStart--;
        let unitEnd = b;
        while (unitEnd < to && !isSeparator(charCodeAt.call(text, unitEnd))) unitEnd++;
        const before = f === 0 ? -1 : (origin[f - 1] ?? 0) - offset;
        const after = l + 1 >= sk.length ? Infinity : (origin[l + 1] ?? 0) - offset;
        if (before >= unitStart || after < unitEnd) continue;
      }
      if ((flags & SPOT_LETTER) !== 0) return SURE;
      answer = UNKNOWN;
    }
    return answer;
  }

  /**
   * Whether no keyword that a cover of text[from, to), or of its join with the next segment, could list starts there
   * (false when unsure): then readRest's reading of its units finds nothing and joins nothing, and needs no cover.
   * A short keyword not at its unit's first symbol is left out: it counts only filling the unit or the join.
   */
  quiet(offset: number, from: number, to: number): boolean {
    const sk = this.sk;
    if (sk !== null) this.scanTo(sk.length);
    if (this.full || sk === null) return false;
    const origin = sk.origin;
    for (let k = 0; k < this.count; k++) {
      const f = this.first[k] ?? 0;
      const a = (origin[f] ?? 0) - offset;
      if (a < from || a >= to) continue;
      if (((this.flags[k] ?? 0) & SPOT_SHORT) !== 0 && f > 0 && (origin[f - 1] ?? 0) - offset >= from && !isSeparator(sk.codes[f - 1] ?? 0)) continue;
      return false;
    }
    return true;
  }
  /**
   * `loud[k] = quiet(0, start[k], end[k]) ? 0 : 1` for `count` sorted, disjoint segments of the text, from one walk
   * over the spots instead of one walk per segment. False (loud untouched) when the spots are not all known.
   */
  loudSegments(start: Int32Array, end: Int32Array, count: number, loud: Uint8Array): boolean {
    const sk = this.sk;
    if (sk !== null) this.scanTo(sk.length);
    if (this.full || sk === null) return false;
    loud.fill(0, 0, count);
    const origin = sk.origin;
    for (let k = 0; k < this.count; k++) {
      const f = this.first[k] ?? 0;
      const a = origin[f] ?? 0;
      // The segment holding a: the last one starting at or before it (spots come nearly in order, segments are few).
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((start[mid] ?? 0) <= a) lo = mid + 1;
        else hi = mid;
      }
      const s = lo - 1;
      if (s < 0 || a >= (end[s] ?? 0)) continue;
      if (((this.flags[k] ?? 0) & SPOT_SHORT) !== 0 && f > 0 && (origin[f - 1] ?? 0) >= (start[s] ?? 0) && !isSeparator(sk.codes[f - 1] ?? 0)) continue;
      loud[s] = 1;
    }
    return true;
  }
}

/** spotFlags: the keyword is short (two letters as written: it counts only filling a segment). */
export const SPOT_SHORT = 1;
/** spotFlags: the keyword's skeleton has a letter (a keyword of digits alone covers no letter). */
export const SPOT_LETTER = 2;
export const SPOT_SURE = SURE;
export const SPOT_NONE = NONE;
