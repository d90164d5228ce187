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

export function readRest(parts: readonly string[], keywords: KeywordSet): Rest {
  const found: string[] = [];
  let uncovered = 0;
  let letters = 0;
  const kept: string[] = [];
  for (const part of parts) {
    // Each side is read as one run, hyphens dropped: `log-in` is `login`.
    for (const seg of [part.replace(/[-_.]+/g, '')]) {
      if (seg === '') continue;
      kept.push(part.replace(/^[-_.]+|[-_.]+$/g, ''));
      const c = keywords.cover(seg);
      found.push(...c.found);
      uncovered += c.uncovered;
      letters += c.letters;
    }
  }
  return { keywords: found, uncovered, letters, text: kept.join('-') };
}

/** Removes the brand's own suffix written flat after the brand (`mfa-gov-af`, `en-marchefr`): a levelsquat. */
function stripFlatSuffix(right: string, target: Target): string | null {
  if (!target.isDomain || target.suffix === '') return null;
  const flat = target.suffix.replace(/\./g, '');
  const r = right.replace(/^[-_]+/, '');
  const plain = r.replace(/[-_]/g, '');
  if (!plain.startsWith(flat)) return null;
  // Walk the original text to the end of the flattened suffix, hyphens included.
  let seen = 0;
  let i = 0;
  for (; i < r.length && seen < flat.length; i++) if (r[i] !== '-' && r[i] !== '_') seen++;
  const after = r.slice(i);
  return after === '' || after.startsWith('-') || after.startsWith('_') ? after : null;
}

function scoreFor(target: Target, boundary: boolean, rest: Rest, sameSuffix: boolean): number {
  const full = rest.uncovered === 0;
  const partial = !full && rest.uncovered * 2 <= rest.letters;
  if (target.weak) {
    // An everyday word needs keywords around it; two keywords, or the brand's own suffix, make up for a missing word boundary.
    if (full && rest.letters > 0) return boundary ? 0.62 : rest.keywords.length >= 2 ? 0.5 : 0.45;
    return boundary && sameSuffix ? 0.5 : 0;
  }
  if (full) return rest.letters === 0 ? 0.62 : boundary ? 0.9 : 0.82;
  if (partial) return boundary ? 0.72 : 0.6;
  const letters = target.letters;
  if (boundary) return letters >= 7 ? 0.6 : letters >= 5 ? 0.5 : 0.45;
  return letters >= 7 ? 0.5 : 0.3;
}

/**
 * A combosquat: the brand's token inside a longer registrable label, label[a, b) being the brand.
 * `mail-en-marche`, `applecloudupdate`, `account-microsoftonline`. The brand's everyday-word tokens
 * (`office`, `live`) count only at a word boundary beside keywords.
 */
export function detectCombo(label: string, a: number, b: number, target: Target, keywords: KeywordSet, suffix: string): Detection | null {
  const left = label.slice(0, a);
  let right = label.slice(b);
  const techniques: Technique[] = ['combo'];
  const reasons: string[] = [];
  const afterSuffix = stripFlatSuffix(right, target);
  if (afterSuffix !== null) {
    techniques.push('levelsquat');
    reasons.push(`brand domain \`${target.domain}\` written flat as \`${label.slice(a, label.length - afterSuffix.length)}\``);
    right = afterSuffix;
  }
  const rest = readRest([left, right], keywords);
  if (rest.letters === 0 && rest.text === '' && afterSuffix === null) return null;
  const boundary = (left === '' || isBoundary(left[left.length - 1])) && (right === '' || isBoundary(right[0]));
  let score = scoreFor(target, boundary, rest, target.isDomain && suffix === target.suffix);
  if (afterSuffix !== null) score = Math.max(score, target.weak ? 0.55 : 0.85);
  if (score <= 0) return null;
  const kw = rest.keywords.length > 0 ? ` + keyword${rest.keywords.length > 1 ? 's' : ''} ${rest.keywords.map((k) => `\`${k}\``).join(', ')}` : '';
  const other = rest.uncovered > 0 ? ` beside \`${rest.text}\`` : '';
  reasons.unshift(`brand \`${target.label}\`${kw}${rest.keywords.length === 0 ? other : ''}`);
  return { target, score: clampScore(score), techniques, reasons };
}
