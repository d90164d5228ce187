import { skeleton, skeletonInto, SkeletonBuffer } from '../names/index.js';
import { symbolOf } from '../index/index.js';

// Segments of every string shape come through here: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/**
 * For each ASCII code, the symbols of its skeleton (symbolOf of each code unit, one or two) packed in one word:
 * the first in the low byte, the second (`n` of `m` → `rn`) in the next, bit 16 set when there is a second.
 * One table read a character, no inner loop.
 */
const ASCII_PACKED = new Int32Array(128);
export const SECOND = 1 << 16;
for (let c = 0; c < 128; c++) {
  const s = skeleton(String.fromCharCode(c));
  if (s.length < 1 || s.length > 2) throw new Error(`the skeleton of ASCII ${c} is not one or two code units`);
  ASCII_PACKED[c] = (symbolOf(s.charCodeAt(0)) & 0xff) | (s.length > 1 ? ((symbolOf(s.charCodeAt(1)) & 0xff) << 8) | SECOND : 0);
}

/** The packed skeleton symbols of an ASCII code (see ASCII_PACKED): the first is `packed << 24 >> 24`, a second `packed << 16 >> 24` when `packed >= SECOND`. */
export function packedSymbols(code: number): number {
  return ASCII_PACKED[code] ?? 0;
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
    if (2 * n > this.symbols.length) {
      this.symbols = new Int8Array(4 * n);
      this.origin = new Int32Array(4 * n);
    }
    const symbols = this.symbols;
    const origin = this.origin;
    let k = 0;
    for (let i = start; i < end; i++) {
      const c = charCodeAt.call(text, i);
      if (c >= 128) return this.readSlow(text, start, end);
      const packed = ASCII_PACKED[c] ?? 0;
      // Int8Array stores keep the low byte as a signed value: the negative symbols come back as they were.
      symbols[k] = packed;
      origin[k++] = i;
      if (packed >= SECOND) {
        symbols[k] = packed >> 8;
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
