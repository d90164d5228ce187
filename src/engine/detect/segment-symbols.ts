import { skeleton, skeletonInto, SkeletonBuffer } from '../names/index.js';
import { symbolOf } from '../index/index.js';

// Segments of every string shape come through here: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** Most code units the skeleton of one ASCII character has (`m` → `rn`). */
const WIDEST = 4;
/** For each ASCII code, how many symbols its skeleton has and which (symbolOf of each code unit). */
const ASCII_COUNT = new Uint8Array(128);
const ASCII_SYMBOLS = new Int8Array(128 * WIDEST);
for (let c = 0; c < 128; c++) {
  const s = skeleton(String.fromCharCode(c));
  if (s.length > WIDEST) throw new Error(`the skeleton of ASCII ${c} is longer than ${WIDEST}`);
  ASCII_COUNT[c] = s.length;
  for (let k = 0; k < s.length; k++) ASCII_SYMBOLS[c * WIDEST + k] = symbolOf(s.charCodeAt(k));
}

/**
 * The skeleton of one segment, text[start, end), as automaton symbols (0–35, or negative for anything else),
 * with the index in the text each symbol came from. ASCII goes through a table filled at load: this is ~4 times faster
 * than skeletonInto's per-character strings, and segments are read several times per name.
 */
export class SegmentSymbols {
  symbols = new Int8Array(64);
  origin = new Int32Array(64);
  length = 0;
  private readonly slow = new SkeletonBuffer(64);

  read(text: string, start = 0, end = text.length): void {
    const n = end - start;
    if (n * WIDEST > this.symbols.length) {
      this.symbols = new Int8Array(2 * n * WIDEST);
      this.origin = new Int32Array(2 * n * WIDEST);
    }
    const symbols = this.symbols;
    const origin = this.origin;
    let k = 0;
    for (let i = start; i < end; i++) {
      const c = charCodeAt.call(text, i);
      if (c >= 128) return this.readSlow(text, start, end);
      const count = ASCII_COUNT[c] ?? 0;
      for (let j = 0; j < count; j++) {
        symbols[k] = ASCII_SYMBOLS[c * WIDEST + j] ?? 0;
        origin[k++] = i;
      }
    }
    this.length = k;
  }

  /** Text with non-ASCII characters: through the full skeleton. */
  private readSlow(text: string, start: number, end: number): void {
    const buf = this.slow;
    buf.reset();
    skeletonInto(text, start, end, buf);
    if (buf.length > this.symbols.length) {
      this.symbols = new Int8Array(2 * buf.length);
      this.origin = new Int32Array(2 * buf.length);
    }
    for (let k = 0; k < buf.length; k++) {
      this.symbols[k] = symbolOf(buf.codes[k] ?? 0);
      this.origin[k] = buf.origin[k] ?? 0;
    }
    this.length = buf.length;
  }
}
