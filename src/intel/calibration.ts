/**
 * Probabilities that mean what they say: the estimative scale, temperature scaling of the naming
 * model's scores (a one-parameter Platt scaling fitted on held-out domains), Brier score and a
 * reliability table whose bins are the scale's bands.
 */
import type { Words } from './types.js';

export const SCALE: readonly { readonly words: Words; readonly below: number }[] = [
  { words: 'almost no chance', below: 0.05 },
  { words: 'very unlikely', below: 0.2 },
  { words: 'unlikely', below: 0.45 },
  { words: 'roughly even chance', below: 0.55 },
  { words: 'likely', below: 0.8 },
  { words: 'very likely', below: 0.95 },
  { words: 'almost certain', below: Number.POSITIVE_INFINITY },
];

export function wordsFor(p: number): Words {
  for (const band of SCALE) if (p < band.below) return band.words;
  return 'almost certain';
}

/** Softmax of `scale * logits[i]`, in place into `out`. */
export function softmax(logits: ArrayLike<number>, scale: number, out: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, scale * (logits[i] as number));
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp(scale * (logits[i] as number) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < logits.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** A held-out example: the candidate classes' scores and which of them are right. */
export interface ScoredExample {
  readonly logits: Float64Array;
  /** Indexes into `logits` of the true classes (empty when the truth fell outside the candidates). */
  readonly truth: readonly number[];
}

function nll(examples: readonly ScoredExample[], t: number): number {
  let total = 0;
  for (const ex of examples) {
    const p = softmax(ex.logits, t, new Float64Array(ex.logits.length));
    let right = 0;
    for (const i of ex.truth) right += p[i] as number;
    total -= Math.log(Math.max(right, 1e-12));
  }
  return total;
}

/** The temperature minimising held-out log loss (golden-section search on a log scale). */
export function fitTemperature(examples: readonly ScoredExample[], lo = 1e-3, hi = 3): number {
  let a = Math.log(lo);
  let b = Math.log(hi);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (nll(examples, Math.exp(c)) < nll(examples, Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

export interface ReliabilityRow {
  readonly words: Words;
  readonly count: number;
  /** Mean stated probability in the band. */
  readonly stated: number;
  /** How often the statement was right. */
  readonly observed: number;
}

/** Brier score and reliability of stated probabilities against outcomes (1 right, 0 wrong). */
export function reliability(stated: readonly number[], outcome: readonly number[]): { brier: number; rows: ReliabilityRow[] } {
  let brier = 0;
  const sums = SCALE.map(() => ({ n: 0, p: 0, y: 0 }));
  stated.forEach((p, i) => {
    const y = outcome[i] ?? 0;
    brier += (p - y) ** 2;
    const band = SCALE.findIndex((b) => p < b.below);
    const s = sums[band];
    if (s !== undefined) {
      s.n++;
      s.p += p;
      s.y += y;
    }
  });
  const rows = SCALE.map((b, i) => {
    const s = sums[i] as { n: number; p: number; y: number };
    return { words: b.words, count: s.n, stated: s.n === 0 ? 0 : s.p / s.n, observed: s.n === 0 ? 0 : s.y / s.n };
  });
  return { brier: stated.length === 0 ? 0 : brier / stated.length, rows };
}
