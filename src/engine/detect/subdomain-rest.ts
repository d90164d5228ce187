import type { SkeletonBuffer } from '../names/index.js';
import { isSeparator, readRest } from './combo-rest.js';
import { KeywordSpots, SPOT_NONE, SPOT_SURE } from './keyword-spots.js';
import type { Cover, KeywordSet } from './keywords.js';

const NONE: readonly string[] = Object.freeze([]);

// Subdomains of every string shape come through here: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/**
 * The keywords beside a brand token in a subdomain: what `readRest([sub[0, a), sub[b, ...), label]).keywords` gives,
 * read for many tokens of one name at a small cost each. The subdomain's segments (runs between `-`, `_`, `.`) are
 * found once per name and their covers, alone and joined with the next one, are kept by segment index, so each token
 * replays readRest's left-to-right reading over integers instead of slicing and covering the whole name again.
 * Only the segments cut by the token are read as new strings. Reset for each name: nothing outlives it.
 */
export class SubdomainRest {
  private sub = '';
  private label = '';
  private ready = false;
  private count = 0;
  private start = new Int32Array(32);
  private end = new Int32Array(32);
  private readonly alone: (Cover | undefined)[] = [];
  /** Per segment: 1 when a keyword a cover could list starts in it (see quietSegment), read for all segments at once. */
  private loud = new Uint8Array(32);
  /** 1 when `loud` holds this name's answers, 0 when not read yet, -1 when the spots cannot tell. */
  private louds = 0;
  private readonly joined: (Cover | undefined)[] = [];
  private labelKeywords: readonly string[] | null = null;
  private readonly found: string[] = [];
  /** readBeside stops once `found` holds this many keywords. */
  private limit = Infinity;
  private readonly spots = new KeywordSpots();
  /** The skeleton of `sub.label`, when given; its keywords are spotted on the first anyBeside. */
  private sk: SkeletonBuffer | null = null;
  private spotted = false;

  constructor(private readonly keywords: KeywordSet) {}

  /** Starts a new name; the segments are only found if a token asks. `sk`, if given, holds the skeleton of `sub.label`. */
  reset(sub: string, label: string, sk: SkeletonBuffer | null = null): void {
    this.sub = sub;
    this.label = label;
    this.ready = false;
    this.labelKeywords = null;
    this.sk = sk;
    this.spotted = false;
  }

  /** The keywords beside sub[a, b), then those of the label, as readRest finds them. */
  keywordsBeside(a: number, b: number): readonly string[] {
    this.limit = Infinity;
    this.readBeside(a, b);
    const found = this.found;
    return found.length === 0 ? NONE : found.slice();
  }

  /**
   * `readRest([sub.slice(0, a), sub.slice(b), label]).keywords`: from the segments read for this name when `sub` and
   * `label` are the name's, else (read after the next name came) from readRest itself.
   */
  keywordsOf(sub: string, label: string, a: number, b: number): readonly string[] {
    if (sub === this.sub && label === this.label) return this.keywordsBeside(a, b);
    return readRest([sub.slice(0, a), sub.slice(b), label], this.keywords).keywords;
  }

  /**
   * Whether keywordsBeside(a, b) finds any: the same reading, stopped at the first keyword. Most tokens meet one in the
   * first segments read, so the rest of the name is never covered (a brand word's score needs no more).
   */
  anyBeside(a: number, b: number): boolean {
    // Most often the keywords spotted in the name's skeleton tell, and no segment is covered.
    if (this.sk !== null) {
      this.spot();
      if (this.spots.sureOutside(a, b)) return true;
      const sub = this.sub;
      const left = this.spots.within(sub, 0, 0, a);
      if (left === SPOT_SURE) return true;
      const right = this.spots.within(sub, 0, b, sub.length);
      if (right === SPOT_SURE) return true;
      const label = this.spots.within(this.label, sub.length + 1, 0, this.label.length);
      if (label === SPOT_SURE) return true;
      if (left === SPOT_NONE && right === SPOT_NONE && label === SPOT_NONE) return false;
    }
    this.limit = 1;
    this.readBeside(a, b);
    return this.found.length > 0;
  }

  /** Spots the keywords of the name's skeleton, once per name. */
  private spot(): void {
    if (this.spotted || this.sk === null) return;
    this.spots.begin(this.keywords, this.sk);
    this.spotted = true;
  }

  /** Whether no keyword starts in sub[start, end) that its cover or its join could read (see KeywordSpots.quiet): most segments of a CT name. */
  private quiet(start: number, end: number): boolean {
    if (this.sk === null) return false;
    this.spot();
    return this.spots.quiet(0, start, end);
  }

  /** quiet(start[k], end[k]): every segment's answer is read from the spots in one walk, on the first ask. */
  private quietSegment(k: number): boolean {
    if (this.louds === 0) this.louds = this.readLoud() ? 1 : -1;
    return this.louds === 1 && this.loud[k] === 0;
  }

  /** Fills `loud` for the name's segments; false when the spots cannot tell (then no segment is quiet, as quiet says). */
  private readLoud(): boolean {
    if (this.sk === null) return false;
    this.spot();
    return this.spots.loudSegments(this.start, this.end, this.count, this.loud);
  }

  /** Whether no keyword starts in the label (which follows `sub.` in the skeleton) that readRest could read. */
  private quietLabel(): boolean {
    if (this.sk === null) return false;
    this.spot();
    return this.spots.quiet(this.sub.length + 1, 0, this.label.length);
  }

  /** Reads the keywords beside sub[a, b) into `found`, stopping once it holds `limit`. */
  private readBeside(a: number, b: number): void {
    if (!this.ready) this.segment();
    const found = this.found;
    found.length = 0;
    const count = this.count;
    // Left part sub[0, a): whole segments up to a, then the piece of the segment a cuts, if any.
    let p = 0;
    while (p < count && (this.end[p] ?? 0) <= a) p++;
    const leftStart = p < count && (this.start[p] ?? 0) < a ? (this.start[p] ?? 0) : a;
    this.read(0, p, leftStart, a);
    if (found.length >= this.limit) return;
    // Right part sub[b, ...): the piece of the segment b cuts, if any, then whole segments from b on.
    let q = 0;
    while (q < count && (this.start[q] ?? 0) < b) q++;
    const rightEnd = q > 0 && (this.end[q - 1] ?? 0) > b ? (this.end[q - 1] ?? 0) : b;
    this.readFrom(b, rightEnd, q, count);
    if (found.length >= this.limit) return;
    this.labelKeywords ??= this.quietLabel() ? NONE : readRest([this.label], this.keywords).keywords;
    for (const k of this.labelKeywords) found.push(k);
  }

  /** readRest's reading of segments [from, to) followed by the piece sub[pieceStart, pieceEnd) (when not empty), pushing their keywords. */
  private read(from: number, to: number, pieceStart: number, pieceEnd: number): void {
    const piece = pieceStart < pieceEnd;
    let k = from;
    while (k < to) {
      if (this.quietSegment(k)) {
        k++;
        continue;
      }
      let c = this.coverAlone(k);
      let step = 1;
      if (c.uncovered > 0 && c.open) {
        // The next segment in this part: a whole one, or the piece.
        const j = k + 1 < to ? this.coverJoined(k) : piece ? this.keywords.coverOnce(this.segmentText(k) + this.sub.slice(pieceStart, pieceEnd)) : null;
        if (j !== null && j.uncovered === 0) {
          c = j;
          step = 2;
        }
      }
      for (const f of c.found) this.found.push(f);
      if (this.found.length >= this.limit) return;
      k += step;
    }
    // The piece stands alone unless the last whole segment took it.
    if (piece && k === to && !this.quiet(pieceStart, pieceEnd)) for (const f of this.keywords.coverRange(this.sub, pieceStart, pieceEnd).found) this.found.push(f);
  }

  /** readRest's reading of the piece sub[pieceStart, pieceEnd) (when not empty) followed by segments [from, to). */
  private readFrom(pieceStart: number, pieceEnd: number, from: number, to: number): void {
    let k = from;
    if (pieceStart < pieceEnd && !this.quiet(pieceStart, pieceEnd)) {
      let c = this.keywords.coverRange(this.sub, pieceStart, pieceEnd);
      if (c.uncovered > 0 && c.open && from < to) {
        const j = this.keywords.coverOnce(this.sub.slice(pieceStart, pieceEnd) + this.segmentText(from));
        if (j.uncovered === 0) {
          c = j;
          k++;
        }
      }
      for (const f of c.found) this.found.push(f);
      if (this.found.length >= this.limit) return;
    }
    this.read(k, to, 0, 0);
  }

  private segmentText(k: number): string {
    return this.sub.slice(this.start[k] ?? 0, this.end[k] ?? 0);
  }

  private coverAlone(k: number): Cover {
    let c = this.alone[k];
    if (c === undefined) {
      c = this.keywords.coverRange(this.sub, this.start[k] ?? 0, this.end[k] ?? 0);
      this.alone[k] = c;
    }
    return c;
  }

  private coverJoined(k: number): Cover {
    let c = this.joined[k];
    if (c === undefined) {
      c = this.keywords.coverOnce(this.segmentText(k) + this.segmentText(k + 1));
      this.joined[k] = c;
    }
    return c;
  }

  /** The subdomain's segments, in one pass: each closed at the first separator after it. */
  private segment(): void {
    const sub = this.sub;
    const n = sub.length;
    if (n > this.start.length) {
      this.start = new Int32Array(2 * n);
      this.end = new Int32Array(2 * n);
      this.loud = new Uint8Array(2 * n);
    }
    const start = this.start;
    const end = this.end;
    let count = 0;
    let from = -1;
    for (let i = 0; i < n; i++) {
      if (isSeparator(charCodeAt.call(sub, i))) {
        if (from >= 0) {
          start[count] = from;
          end[count++] = i;
          from = -1;
        }
      } else if (from < 0) from = i;
    }
    if (from >= 0) {
      start[count] = from;
      end[count++] = n;
    }
    this.count = count;
    this.louds = 0;
    for (let k = 0; k < count; k++) {
      this.alone[k] = undefined;
      this.joined[k] = undefined;
    }
    this.ready = true;
  }
}
