import type { PageSummary } from './html.js';

/**
 * Page similarity: Jaccard of hashed shingles — 4-word runs of the visible text and 6-tag runs of
 * the markup, half each. A kit that copies a brand's login page keeps most of both even when it
 * swaps links and adds a few fields; unrelated pages share almost none.
 */
export interface Shingles {
  readonly text: ReadonlySet<number>;
  readonly markup: ReadonlySet<number>;
}

function fnv1a(parts: readonly string[], from: number, count: number): number {
  let h = 0x811c9dc5;
  for (let p = from; p < from + count; p++) {
    const s = parts[p] ?? '';
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h >>> 0;
}

function shingle(tokens: readonly string[], k: number): Set<number> {
  const out = new Set<number>();
  if (tokens.length > 0 && tokens.length < k) out.add(fnv1a(tokens, 0, tokens.length));
  for (let i = 0; i + k <= tokens.length; i++) out.add(fnv1a(tokens, i, k));
  return out;
}

export function shinglesOf(page: Pick<PageSummary, 'text' | 'tags'>): Shingles {
  const words = page.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return { text: shingle(words, 4), markup: shingle(page.tags, 6) };
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** In [0,1], rounded to 3 decimals. */
export function similarity(a: Shingles, b: Shingles): number {
  return Math.round(((jaccard(a.text, b.text) + jaccard(a.markup, b.markup)) / 2) * 1000) / 1000;
}
