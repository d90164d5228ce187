import type { Target } from '../brands/target.js';
import { clampScore, LazyDetection, type Detection, type ReasonSource } from './detection.js';
import { keywordPhrase, type KeywordSet } from './keywords.js';
import { readRest, SpanRest, type Rest } from './combo-rest.js';
import type { Technique } from '../types.js';

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
function scoreFor(target: Target, boundary: boolean, uncovered: number, letters: number, keywords: number, suffix: string): number {
  const full = uncovered === 0;
  const partial = !full && uncovered * 2 <= letters;
  if (target.weak) {
    // An everyday word needs keywords around it; two keywords, or the brand's own suffix, make up for a missing word boundary.
    if (full && letters > 0) return boundary ? 0.62 : keywords >= 2 ? 0.5 : 0.45;
    // The name's suffix is compared here only: a strong target's suffix string is then never read.
    return boundary && target.letters >= 4 && target.isDomain && suffix === target.suffix ? 0.5 : 0;
  }
  if (full) return letters === 0 ? 0.62 : boundary ? 0.9 : 0.82;
  if (partial) return boundary ? 0.72 : 0.6;
  const brandLetters = target.letters;
  if (boundary) return brandLetters >= 7 ? 0.6 : brandLetters >= 5 ? 0.5 : 0.45;
  return brandLetters >= 7 ? 0.5 : 0.3;
}

const COMBO: readonly Technique[] = Object.freeze(['combo']);
const NO_REASONS: readonly string[] = Object.freeze([]);

// Labels come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** Whether a brand token ends at this code: a hyphen, an underscore, a digit, or none (NaN, past either end of the label). */
export function isBoundaryCode(code: number): boolean {
  return code !== code || code === 45 || code === 95 || (code >= 48 && code <= 57);
}

/**
 * The brand's place in a label and what stands beside it (SpanRest: one object, where a span and its rest were two):
 * read once per token found, shared by every target of that token. It builds its combos' reasons when read.
 */
export class Span extends SpanRest implements ReasonSource {
  readonly boundary: boolean;
  /** The plain combo reasons last built, and the brand label they name: a token's targets mostly share it. */
  private reasonsLabel: string | null = null;
  private reasons: readonly string[] = NO_REASONS;

  constructor(label: string, a: number, b: number, keywords: KeywordSet) {
    super(label, a, b, keywords);
    this.boundary = (a === 0 || isBoundaryCode(charCodeAt.call(label, a - 1))) && (b === label.length || isBoundaryCode(charCodeAt.call(label, b)));
  }

  /** A plain combo's reasons: they hang on the span and the brand label only, so they are the same whenever read. */
  reasonsFor(target: Target): readonly string[] {
    if (this.reasonsLabel !== target.label) {
      this.reasons = [comboReason(target, this)];
      this.reasonsLabel = target.label;
    }
    return this.reasons;
  }
}

export function readSpan(label: string, a: number, b: number, keywords: KeywordSet): Span {
  return new Span(label, a, b, keywords);
}

/**
 * A combosquat: the brand's token inside a longer registrable label, label[a, b) being the brand.
 * `mail-en-marche`, `applecloudupdate`, `account-microsoftonline`. The brand's everyday-word tokens
 * (`office`, `live`) count only at a word boundary beside keywords. `suffixMayFollow` false: the caller knows the
 * target's suffix is not written flat after the brand (its first code is not there), and flatSuffixEnd is not asked.
 */
export function comboFromSpan(span: Span, target: Target, keywords: KeywordSet, suffix: string, suffixMayFollow = true): Detection | null {
  if (target.flatDomain) return flatDomain(span, target);
  const suffixEnd = suffixMayFollow ? flatSuffixEnd(span.label, span.b, target) : -1;
  if (suffixEnd >= 0) return comboWithSuffix(span, target, keywords, suffix, suffixEnd);
  if (span.letters === 0 && span.bare) return null;
  const score = scoreFor(target, span.boundary, span.uncovered, span.letters, span.keywordCount, suffix);
  if (score <= 0) return null;
  // Most combos never reach a hit (on top-list names a reason's string building was about a third of a token's cost).
  return new LazyDetection(target, clampScore(score), COMBO, span);
}

function comboReason(target: Target, rest: Rest): string {
  // The keywords read once, and the text only when no keyword is named (each is a getter on a span).
  const keywords = rest.keywords;
  if (keywords.length > 0) return `brand \`${target.label}\` + ${keywordPhrase(keywords)}`;
  return rest.uncovered > 0 ? `brand \`${target.label}\` beside \`${rest.text}\`` : `brand \`${target.label}\``;
}

/** A combo whose brand is followed by the brand's own suffix written flat (`mfa-gov-af-portal`): a levelsquat too. */
function comboWithSuffix(span: Span, target: Target, keywords: KeywordSet, suffix: string, suffixEnd: number): Detection | null {
  const { label, a } = span;
  const afterSuffix = label.slice(suffixEnd);
  const left = label.slice(0, a);
  const rest = readRest([left, afterSuffix], keywords);
  const boundary = isBoundaryCode(charCodeAt.call(left, left.length - 1)) && isBoundaryCode(charCodeAt.call(afterSuffix, 0));
  const score = Math.max(scoreFor(target, boundary, rest.uncovered, rest.letters, rest.keywords.length, suffix), target.weak ? 0.55 : 0.85);
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
  const kw = span.keywords.length > 0 ? ` + ${keywordPhrase(span.keywords)}` : '';
  const score = span.uncovered === 0 ? 0.88 : span.boundary ? 0.8 : 0.45;
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
