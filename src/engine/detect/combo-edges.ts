import { isSeparator } from './combo-rest.js';
import { PAIR_END, PAIR_START, type KeywordSet } from './keywords.js';
import { packedSymbols, SECOND } from './segment-symbols.js';

// Labels come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;
const ALPHABET = 36;
/** Answers of `edge`. */
const COVERABLE = 0;
const UNCOVERED = 1;

/**
 * Whether a letter right beside the token label[a, b) is one no keyword can cover, so that the rest beside it
 * (SpanRest, readRest) has uncovered letters, told from two symbols on each side and no cover read. The letter
 * before the token is the last of its part: a keyword covering it ends there, with the symbol before it (a join
 * of two segments reads across the separators between them, so they are skipped). The letter after it is the first
 * of its part: a keyword covering it starts there. False when unsure (a non-ASCII code on the way).
 */
export function uncoveredBeside(label: string, a: number, b: number, keywords: KeywordSet): boolean {
  const pairs = keywords.pairs;
  if (a > 0) {
    const c = charCodeAt.call(label, a - 1);
    if (c >= 97 && c <= 122 && edge(label, a - 1, -1, packedSymbols(c), pairs, PAIR_END) === UNCOVERED) return true;
  }
  if (b < label.length) {
    const c = charCodeAt.call(label, b);
    if (c >= 97 && c <= 122 && edge(label, b, 1, packedSymbols(c), pairs, PAIR_START) === UNCOVERED) return true;
  }
  return false;
}

/**
 * Whether a keyword can cover the letter at `at` (its symbols `packed`) from the side away from the token: the pair it
 * forms with its neighbour at `step` (its own second symbol, or the next code past separators) must start (`want`
 * PAIR_START) or end (PAIR_END) a keyword. Letters map to letters, so the letter's symbols are never negative.
 */
function edge(label: string, at: number, step: number, packed: number, pairs: Uint8Array, want: number): number {
  const first = packed & 0xff;
  if (packed >= SECOND) {
    // m → rn, w → vv: the letter's own two symbols are the pair, on either side.
    const second = (packed >> 8) & 0xff;
    return ((pairs[first * ALPHABET + second] ?? 0) & want) !== 0 ? COVERABLE : UNCOVERED;
  }
  let i = at + step;
  while (i >= 0 && i < label.length && isSeparator(charCodeAt.call(label, i))) i += step;
  // A keyword has two symbols at least: a lone symbol at the part's end is uncovered.
  if (i < 0 || i >= label.length) return UNCOVERED;
  const c = charCodeAt.call(label, i);
  if (c >= 128) return COVERABLE;
  const p = packedSymbols(c);
  // The neighbour's symbol next to the letter: its first after the letter, its last before it.
  const other = step > 0 || p < SECOND ? (p << 24) >> 24 : (p << 16) >> 24;
  if (other < 0) return UNCOVERED;
  const pair = step > 0 ? first * ALPHABET + other : other * ALPHABET + first;
  return ((pairs[pair] ?? 0) & want) !== 0 ? COVERABLE : UNCOVERED;
}
