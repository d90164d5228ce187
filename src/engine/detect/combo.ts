import type { Target } from '../brands/target.js';
import { clampScore, type Detection } from './detection.js';
import type { KeywordSet } from './keywords.js';
import type { Technique } from '../types.js';

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || ch === '-' || ch === '_' || (ch >= '0' && ch <= '9');
}

/** What stands beside the brand in a label, read as keywords: `mail` + `en-marche`, `apple` + `cloud update`. */
export interface Rest {
  readonly keywords: readonly string[];
  /** Letters beside the brand that no keyword covers. */
  readonly uncovered: number;
  /** Letters beside the brand, in all. */
  readonly letters: number;
  readonly text: string;
}

function isSeparator(code: number): boolean {
  return code === 45 || code === 95 || code === 46;
}

/**
 * Reads the parts beside a brand as keywords. Segments are the runs between `-`, `_` and `.`; they are found by
 * hand (no regex, no split) and covered in place (`keywords.coverRange`); only a keyword cut by a hyphen is joined
 * into a string and goes through `keywords.coverOnce`, which remembers the covers of the name being matched.
 */
export function readRest(parts: readonly string[], keywords: KeywordSet): Rest {
  const found: string[] = [];
  let uncovered = 0;
  let letters = 0;
  let text = '';
  for (const part of parts) {
    const n = part.length;
    let i = 0;
    while (i < n && isSeparator(part.charCodeAt(i))) i++;
    while (i < n) {
      let end = i;
      while (end < n && !isSeparator(part.charCodeAt(end))) end++;
      let next = end;
      while (next < n && isSeparator(part.charCodeAt(next))) next++;
      // Covered in place: no slice, and no memo scan (16 string compares) for a segment read once.
      let c = keywords.coverRange(part, i, end);
      // A keyword cut by a hyphen (`log-in`, `sign-in`) reads whole when the two halves do not.
      if (c.uncovered > 0 && c.open && next < n) {
        let nextEnd = next;
        while (nextEnd < n && !isSeparator(part.charCodeAt(nextEnd))) nextEnd++;
        const joined = keywords.coverOnce(part.slice(i, end) + part.slice(next, nextEnd));
        if (joined.uncovered === 0) {
          c = joined;
          next = nextEnd;
          while (next < n && isSeparator(part.charCodeAt(next))) next++;
        }
      }
      for (const f of c.found) found.push(f);
      uncovered += c.uncovered;
      letters += c.letters;
      i = next;
    }
    let a = 0;
    let b = n;
    while (a < b && isSeparator(part.charCodeAt(a))) a++;
    while (b > a && isSeparator(part.charCodeAt(b - 1))) b--;
    if (b > a) text = text === '' ? part.slice(a, b) : `${text}-${part.slice(a, b)}`;
  }
  return { keywords: found, uncovered, letters, text };
}

/**
 * Where the brand's own suffix, written flat after the brand (`mfa-gov-af`, `en-marchefr`: a levelsquat), ends in
 * `label` from `b` on, or -1. Compared in place, no regex or slice: this runs for every target of every token.
 */
export function flatSuffixEnd(label: string, b: number, target: Target): number {
  if (!target.isDomain || target.suffix === '') return -1;
  const suffix = target.suffix;
  const n = label.length;
  let i = b;
  while (i < n && isHyphen(label.charCodeAt(i))) i++;
  for (let j = 0; j < suffix.length; j++) {
    const c = suffix.charCodeAt(j);
    if (c === 46) continue;
    while (i < n && isHyphen(label.charCodeAt(i))) i++;
    if (i === n || label.charCodeAt(i) !== c) return -1;
    i++;
  }
  return i === n || isHyphen(label.charCodeAt(i)) ? i : -1;
}

function isHyphen(code: number): boolean {
  return code === 45 || code === 95;
}

/** The score of a combo, from what stands beside the brand: its uncovered letters, letters and keywords found. */
function scoreFor(target: Target, boundary: boolean, uncovered: number, letters: number, keywords: number, sameSuffix: boolean): number {
  const full = uncovered === 0;
  const partial = !full && uncovered * 2 <= letters;
  if (target.weak) {
    // An everyday word needs keywords around it; two keywords, or the brand's own suffix, make up for a missing word boundary.
    if (full && letters > 0) return boundary ? 0.62 : keywords >= 2 ? 0.5 : 0.45;
    return boundary && sameSuffix && target.letters >= 4 ? 0.5 : 0;
  }
  if (full) return letters === 0 ? 0.62 : boundary ? 0.9 : 0.82;
  if (partial) return boundary ? 0.72 : 0.6;
  const brandLetters = target.letters;
  if (boundary) return brandLetters >= 7 ? 0.6 : brandLetters >= 5 ? 0.5 : 0.45;
  return brandLetters >= 7 ? 0.5 : 0.3;
}

/** The brand's place in a label and what stands beside it: read once per token found, shared by every target of that token. */
export interface Span {
  readonly label: string;
  readonly a: number;
  readonly b: number;
  readonly rest: SpanRest;
  readonly boundary: boolean;
  /** The plain combo reasons last built from this span, and the brand label they name: a token's targets mostly share it. */
  reasonsLabel: string | null;
  reasons: readonly string[];
}

const COMBO: readonly Technique[] = Object.freeze(['combo']);
const NO_REASONS: readonly string[] = Object.freeze([]);

// Labels come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** isBoundary of a code: a separator, a digit, or none (NaN, past either end). */
function isBoundaryCode(code: number): boolean {
  return code !== code || code === 45 || code === 95 || (code >= 48 && code <= 57);
}

export function readSpan(label: string, a: number, b: number, keywords: KeywordSet): Span {
  const boundary = (a === 0 || isBoundaryCode(charCodeAt.call(label, a - 1))) && (b === label.length || isBoundaryCode(charCodeAt.call(label, b)));
  return { label, a, b, rest: new SpanRest(label, a, b, keywords), boundary, reasonsLabel: null, reasons: NO_REASONS };
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

  constructor(
    private readonly label: string,
    private readonly a: number,
    private readonly b: number,
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
    return this.read().keywords;
  }

  get text(): string {
    return this.read().text;
  }

  private read(): Rest {
    this.full ??= readRest([this.label.slice(0, this.a), this.label.slice(this.b)], this.kw);
    return this.full;
  }
}

/** What countPart read last (one module-level holder: no object a call). */
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

/**
 * A combosquat: the brand's token inside a longer registrable label, label[a, b) being the brand.
 * `mail-en-marche`, `applecloudupdate`, `account-microsoftonline`. The brand's everyday-word tokens
 * (`office`, `live`) count only at a word boundary beside keywords.
 */
export function comboFromSpan(span: Span, target: Target, keywords: KeywordSet, suffix: string): Detection | null {
  if (target.flatDomain) return flatDomain(span, target);
  const suffixEnd = flatSuffixEnd(span.label, span.b, target);
  if (suffixEnd >= 0) return comboWithSuffix(span, target, keywords, suffix, suffixEnd);
  const rest = span.rest;
  if (rest.letters === 0 && rest.bare) return null;
  const score = scoreFor(target, span.boundary, rest.uncovered, rest.letters, rest.keywordCount, target.isDomain && suffix === target.suffix);
  if (score <= 0) return null;
  return new Combo(target, clampScore(score), span);
}

/**
 * A plain combosquat, whose reasons are built when first read: most combos never reach a hit (on top-list names a
 * reason's string building was about a third of a token's cost). They depend on the span and the brand label only,
 * both held here, so they are the same whenever they are read; a span shares them between its targets of one label.
 */
class Combo implements Detection {
  readonly techniques = COMBO;

  constructor(
    readonly target: Target,
    readonly score: number,
    private readonly span: Span,
  ) {}

  get reasons(): readonly string[] {
    const span = this.span;
    if (span.reasonsLabel !== this.target.label) {
      span.reasons = [comboReason(this.target, span.rest)];
      span.reasonsLabel = this.target.label;
    }
    return span.reasons;
  }
}

function comboReason(target: Target, rest: Rest): string {
  const kw = rest.keywords.length > 0 ? ` + keyword${rest.keywords.length > 1 ? 's' : ''} ${rest.keywords.map((k) => `\`${k}\``).join(', ')}` : '';
  const other = rest.uncovered > 0 ? ` beside \`${rest.text}\`` : '';
  return `brand \`${target.label}\`${kw}${rest.keywords.length === 0 ? other : ''}`;
}

/** A combo whose brand is followed by the brand's own suffix written flat (`mfa-gov-af-portal`): a levelsquat too. */
function comboWithSuffix(span: Span, target: Target, keywords: KeywordSet, suffix: string, suffixEnd: number): Detection | null {
  const { label, a } = span;
  const afterSuffix = label.slice(suffixEnd);
  const left = label.slice(0, a);
  const rest = readRest([left, afterSuffix], keywords);
  const boundary = (left === '' || isBoundary(left[left.length - 1])) && (afterSuffix === '' || isBoundary(afterSuffix[0]));
  const score = Math.max(scoreFor(target, boundary, rest.uncovered, rest.letters, rest.keywords.length, target.isDomain && suffix === target.suffix), target.weak ? 0.55 : 0.85);
  if (score <= 0) return null;
  return {
    target,
    score: clampScore(score),
    techniques: ['combo', 'levelsquat'],
    reasons: [comboReason(target, rest), `brand domain \`${target.domain}\` written flat as \`${label.slice(a, suffixEnd)}\``],
  };
}

/** The brand's whole domain written flat inside a label (`mfagovxx-portal`): a levelsquat whatever stands beside it. */
function flatDomain(span: Span, target: Target): Detection {
  const kw = span.rest.keywords.length > 0 ? ` + keyword${span.rest.keywords.length > 1 ? 's' : ''} ${span.rest.keywords.map((k) => `\`${k}\``).join(', ')}` : '';
  const score = span.rest.uncovered === 0 ? 0.88 : span.boundary ? 0.8 : 0.45;
  return {
    target,
    score,
    techniques: ['levelsquat'],
    reasons: [`brand domain \`${target.domain}\` written flat as \`${span.label.slice(span.a, span.b)}\`${kw}`],
  };
}

export function detectCombo(label: string, a: number, b: number, target: Target, keywords: KeywordSet, suffix: string): Detection | null {
  return comboFromSpan(readSpan(label, a, b, keywords), target, keywords, suffix);
}
