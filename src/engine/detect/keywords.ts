import { skeleton, skeletonInto, SkeletonBuffer } from '../names/index.js';

/**
 * The words phishers put beside a brand (`mail`, `login`, `secure`, `accounts`...), held as skeletons so
 * `loqin` and `rnail` read as `login` and `mail`.
 */
export class KeywordSet {
  private readonly words: Set<string>;
  private readonly maxLength: number;
  private readonly buffer = new SkeletonBuffer(128);

  constructor(keywords: Iterable<string>) {
    this.words = new Set();
    let max = 0;
    for (const k of keywords) {
      const s = skeleton(k.toLowerCase()).replace(/[-._\s]/g, '');
      if (s.length < 2) continue;
      this.words.add(s);
      if (s.length > max) max = s.length;
    }
    this.maxLength = max;
  }

  has(word: string): boolean {
    return this.words.has(skeleton(word));
  }

  get size(): number {
    return this.words.size;
  }

  /**
   * Splits `text` (letters and digits only) into keywords as far as possible, comparing skeletons.
   * Returns the keywords found, as written in `text`, how many skeleton letters no keyword covers, and how many there are. Digits
   * count as covered: `office365`, `mail2` are keyword-like.
   */
  cover(original: string): { found: string[]; uncovered: number; letters: number } {
    const buf = this.buffer;
    buf.reset();
    skeletonInto(original, 0, original.length, buf);
    const text = buf.toString();
    const n = text.length;
    const best = new Int32Array(n + 1);
    const from = new Int32Array(n + 1).fill(-1);
    for (let i = 1; i <= n; i++) {
      const c = text.charCodeAt(i - 1);
      const isDigit = c >= 48 && c <= 57;
      best[i] = (best[i - 1] ?? 0) + (isDigit ? 0 : 1);
      for (let len = 2; len <= this.maxLength && len <= i; len++) {
        if (!this.words.has(text.slice(i - len, i))) continue;
        const v = best[i - len] ?? 0;
        if (v < (best[i] ?? 0)) {
          best[i] = v;
          from[i] = i - len;
        }
      }
    }
    const found: string[] = [];
    for (let i = n; i > 0; ) {
      const f = from[i] ?? -1;
      if (f >= 0) {
        const from = buf.origin[f] ?? 0;
        const to = i < buf.length ? (buf.origin[i] ?? original.length) : original.length;
        found.push(original.slice(from, to));
        i = f;
      } else i--;
    }
    let letters = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) letters++;
    }
    return { found: found.reverse(), uncovered: best[n] ?? 0, letters };
  }
}
