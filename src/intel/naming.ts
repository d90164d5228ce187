/**
 * The naming model: how much a domain's name looks like each actor's names. Multinomial naive Bayes
 * over character 3-, 4- and 5-grams of the registrable label (`portal-office` of portal-office.fr),
 * with `^` and `$` marking its ends, add-α smoothing.
 *
 * Layout (measured on the full maltrail set, ~250k labels, ~7M gram occurrences): n-grams are hashed
 * with FNV-1a over charCodes (no slicing); training packs (gram, class) pairs into one Float64Array,
 * sorts it and run-length counts it into a flat posting index (sorted gram hashes → class, count).
 * Scoring a label touches only the classes that have seen its grams:
 *   ℓ_c(x) = G·log(α / (T_c + αV)) + Σ_g log(1 + n_cg / α)
 * where G is the label's gram count, T_c the class's total, V the vocabulary, n_cg the gram's count.
 * NB scores are overconfident (overlapping grams are far from independent); calibration.ts tempers them.
 */
import { parse } from 'tldts';

const MIN_N = 3;
const MAX_N = 5;
const ALPHA = 0.1;

/** The registrable label of a domain (private suffixes such as duckdns.org count as suffixes), or null. */
export function registrableLabel(domain: string): string | null {
  const p = parse(domain, { allowPrivateDomains: true });
  const label = p.domainWithoutSuffix;
  return label === null || label === '' ? null : label;
}

/** Calls `emit` with the FNV-1a hash of each 3..5-gram of `^label$`. */
function forEachGram(label: string, emit: (hash: number) => void): void {
  const s = `^${label}$`;
  for (let i = 0; i + MIN_N <= s.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < s.length && j < i + MAX_N; j++) {
      h = Math.imul(h ^ s.charCodeAt(j), 0x01000193) >>> 0;
      // mix in the gram length so `abc` and `abcd` never share a hash prefix
      if (j - i + 1 >= MIN_N) emit(Math.imul(h ^ (j - i + 1), 0x01000193) >>> 0);
    }
  }
}

export function gramCount(label: string): number {
  let n = 0;
  forEachGram(label, () => n++);
  return n;
}

export class NamingModel {
  private constructor(
    readonly classCount: number,
    private readonly keys: Uint32Array,
    private readonly start: Uint32Array,
    private readonly cls: Uint16Array,
    private readonly count: Uint32Array,
    private readonly baseLog: Float64Array,
    /** Labels trained per class. */
    readonly examples: Uint32Array,
  ) {}

  /** Trains from (label, class) pairs; classes are 0..classCount-1 (at most 65,535). */
  static train(pairs: Iterable<readonly [string, number]>, classCount: number): NamingModel {
    let packed = new Float64Array(1 << 20);
    let n = 0;
    const totals = new Float64Array(classCount);
    const examples = new Uint32Array(classCount);
    for (const [label, c] of pairs) {
      examples[c] = (examples[c] ?? 0) + 1;
      forEachGram(label, (h) => {
        if (n === packed.length) {
          const bigger = new Float64Array(packed.length * 2);
          bigger.set(packed);
          packed = bigger;
        }
        packed[n++] = h * 65536 + c;
        totals[c] = (totals[c] ?? 0) + 1;
      });
    }
    const sorted = packed.subarray(0, n).sort();
    const keys: number[] = [];
    const start: number[] = [];
    const cls: number[] = [];
    const count: number[] = [];
    for (let i = 0; i < n; ) {
      const v = sorted[i] as number;
      let j = i + 1;
      while (j < n && sorted[j] === v) j++;
      const h = Math.floor(v / 65536);
      if (keys[keys.length - 1] !== h) {
        keys.push(h);
        start.push(cls.length);
      }
      cls.push(v - h * 65536);
      count.push(j - i);
      i = j;
    }
    start.push(cls.length);
    const vocabulary = Math.max(1, keys.length);
    const baseLog = new Float64Array(classCount);
    for (let c = 0; c < classCount; c++) baseLog[c] = Math.log(ALPHA / ((totals[c] ?? 0) + ALPHA * vocabulary));
    return new NamingModel(classCount, Uint32Array.from(keys), Uint32Array.from(start), Uint16Array.from(cls), Uint32Array.from(count), baseLog, examples);
  }

  private lookup(h: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid] as number;
      if (k === h) return mid;
      if (k < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Log-likelihood of the label under each class, written into `out` (reused by hot callers). */
  scores(label: string, out: Float64Array = new Float64Array(this.classCount)): Float64Array {
    let grams = 0;
    out.fill(0);
    forEachGram(label, (h) => {
      grams++;
      const k = this.lookup(h);
      if (k < 0) return;
      for (let p = this.start[k] as number; p < (this.start[k + 1] as number); p++) {
        const c = this.cls[p] as number;
        out[c] = (out[c] as number) + Math.log1p((this.count[p] as number) / ALPHA);
      }
    });
    for (let c = 0; c < this.classCount; c++) out[c] = (out[c] as number) + grams * (this.baseLog[c] as number);
    return out;
  }
}
