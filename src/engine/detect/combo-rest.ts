import type { KeywordSet } from './keywords.js';

/**
 * What stands beside a brand token in a label, read as keywords: the segments between `-`, `_` and `.`, each
 * covered by keywords, a keyword cut by a hyphen joined back. readRest builds the keywords and text for reasons;
 * SpanRest reads the same numbers with no string built, for scoring.
 */

// Labels come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** What stands beside the brand in a label, read as keywords: `mail` + `en-marche`, `apple` + `cloud update`. */
export interface Rest {
  readonly keywords: readonly string[];
  /** Letters beside the brand that no keyword covers. */
  readonly uncovered: number;
  /** Letters beside the brand, in all. */
  readonly letters: number;
  readonly text: string;
}

/** A code between segments: `-`, `_` or `.`. */
export function isSeparator(code: number): boolean {
  return code === 45 || code === 95 || code === 46;
}

/** Reads the parts beside a brand as keywords (see readPart), and its text: the parts trimmed of separators, joined by `-`. */
export function readRest(parts: readonly string[], keywords: KeywordSet): Rest {
  const found: string[] = [];
  let uncovered = 0;
  let letters = 0;
  let text = '';
  for (const part of parts) {
    readPart(part, 0, part.length, keywords, found);
    uncovered += tally.uncovered;
    letters += tally.letters;
    const t = trimmed(part, 0, part.length);
    if (t !== '') text = text === '' ? t : `${text}-${t}`;
  }
  return { keywords: found, uncovered, letters, text };
}

/**
 * `readRest([label.slice(0, a), label.slice(b)])`, its numbers read now with no string built (most combos are scored
 * and dropped), its keywords and text read by readRest itself when a reason first asks: the same answer, as both
 * depend on the label and the keywords alone.
 */
export class SpanRest implements Rest {
  readonly uncovered: number;
  readonly letters: number;
  readonly keywordCount: number;
  /** Whether readRest's text is '' (nothing but separators beside the brand). */
  readonly bare: boolean;
  private full: Rest | null = null;
  /** The keywords, once read. */
  private found: readonly string[] | null = null;

  constructor(
    readonly label: string,
    /** The brand's place in the label: label[a, b). */
    readonly a: number,
    readonly b: number,
    private readonly kw: KeywordSet,
  ) {
    countPart(label, 0, a, kw);
    const uncovered = tally.uncovered;
    const letters = tally.letters;
    const count = tally.keywords;
    const bare = tally.bare;
    countPart(label, b, label.length, kw);
    this.uncovered = uncovered + tally.uncovered;
    this.letters = letters + tally.letters;
    this.keywordCount = count + tally.keywords;
    this.bare = bare && tally.bare;
  }

  get keywords(): readonly string[] {
    // No keyword counted, none listed: the covers need not be read again (most combo hits on top-list names).
    if (this.keywordCount === 0) return NO_KEYWORDS;
    if (this.full !== null) return this.full.keywords;
    if (this.found === null) {
      // readRest's keywords read in place from the label's two parts: no slice of either, no text, no Rest.
      const found: string[] = [];
      readPart(this.label, 0, this.a, this.kw, found);
      readPart(this.label, this.b, this.label.length, this.kw, found);
      this.found = found;
    }
    return this.found;
  }

  get text(): string {
    if (this.full === null && this.keywordCount === 0) return restText(this.label, this.a, this.b);
    return this.read().text;
  }

  private read(): Rest {
    this.full ??= readRest([this.label.slice(0, this.a), this.label.slice(this.b)], this.kw);
    return this.full;
  }
}

const NO_KEYWORDS: readonly string[] = Object.freeze([]);

/**
 * Reads the part text[start, end) as keywords: its keywords pushed to `found`, its uncovered and covered letters into
 * `tally`. Segments are the runs between separators, found by hand (no regex, no split) and covered in place
 * (`keywords.coverRange`: no slice, and no memo scan for a segment read once); only a keyword cut by a hyphen is
 * joined into a string and goes through `keywords.coverOnce`, which remembers the covers of the name being matched.
 */
function readPart(text: string, start: number, end: number, keywords: KeywordSet, found: string[]): void {
  let uncovered = 0;
  let letters = 0;
  let i = start;
  while (i < end && isSeparator(charCodeAt.call(text, i))) i++;
  while (i < end) {
    let segEnd = i;
    while (segEnd < end && !isSeparator(charCodeAt.call(text, segEnd))) segEnd++;
    let next = segEnd;
    while (next < end && isSeparator(charCodeAt.call(text, next))) next++;
    let c = keywords.coverRange(text, i, segEnd);
    // A keyword cut by a hyphen (`log-in`, `sign-in`) reads whole when the two halves do not.
    if (c.uncovered > 0 && c.open && next < end) {
      let nextEnd = next;
      while (nextEnd < end && !isSeparator(charCodeAt.call(text, nextEnd))) nextEnd++;
      const joined = keywords.coverOnce(text.slice(i, segEnd) + text.slice(next, nextEnd));
      if (joined.uncovered === 0) {
        c = joined;
        next = nextEnd;
        while (next < end && isSeparator(charCodeAt.call(text, next))) next++;
      }
    }
    const f = c.found;
    for (let k = 0; k < f.length; k++) found.push(f[k] as string);
    uncovered += c.uncovered;
    letters += c.letters;
    i = next;
  }
  tally.uncovered = uncovered;
  tally.letters = letters;
}

/** readRest's text for the parts label[0, a) and label[b, ...): each trimmed of separators, joined by a hyphen. */
function restText(label: string, a: number, b: number): string {
  const left = trimmed(label, 0, a);
  const right = trimmed(label, b, label.length);
  return left === '' ? right : right === '' ? left : `${left}-${right}`;
}

/** label[start, end) without the separators at either end. */
function trimmed(label: string, start: number, end: number): string {
  let i = start;
  let j = end;
  while (i < j && isSeparator(charCodeAt.call(label, i))) i++;
  while (j > i && isSeparator(charCodeAt.call(label, j - 1))) j--;
  return j > i ? label.slice(i, j) : '';
}

/** What countPart or readPart read last (one module-level holder: no object a call). */
const tally = { uncovered: 0, letters: 0, keywords: 0, bare: true };

/** readRest's reading of the part text[start, end) into `tally`, as numbers: the same segments, joins and covers. */
function countPart(text: string, start: number, end: number, keywords: KeywordSet): void {
  let uncovered = 0;
  let letters = 0;
  let count = 0;
  let bare = true;
  let i = start;
  while (i < end && isSeparator(charCodeAt.call(text, i))) i++;
  while (i < end) {
    bare = false;
    let segEnd = i;
    while (segEnd < end && !isSeparator(charCodeAt.call(text, segEnd))) segEnd++;
    let next = segEnd;
    while (next < end && isSeparator(charCodeAt.call(text, next))) next++;
    keywords.countRange(text, i, segEnd);
    let u = keywords.uncovered;
    let l = keywords.letters;
    let c = keywords.counted;
    // A keyword cut by a hyphen (`log-in`, `sign-in`) reads whole when the two halves do not: as readRest does it.
    if (u > 0 && keywords.open && next < end) {
      let nextEnd = next;
      while (nextEnd < end && !isSeparator(charCodeAt.call(text, nextEnd))) nextEnd++;
      const joined = keywords.coverOnce(text.slice(i, segEnd) + text.slice(next, nextEnd));
      if (joined.uncovered === 0) {
        u = joined.uncovered;
        l = joined.letters;
        c = joined.found.length;
        next = nextEnd;
        while (next < end && isSeparator(charCodeAt.call(text, next))) next++;
      }
    }
    uncovered += u;
    letters += l;
    count += c;
    i = next;
  }
  tally.uncovered = uncovered;
  tally.letters = letters;
  tally.keywords = count;
  tally.bare = bare;
}
