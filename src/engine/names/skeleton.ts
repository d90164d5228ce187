import { ASCII_MAP, skeletonOfCodePoint } from './confusables.js';

/**
 * A reusable buffer holding the skeleton of a text as UTF-16 code units, with, for each unit,
 * the index in the source text it came from. Matching writes into one of these per name
 * instead of building strings.
 */
export class SkeletonBuffer {
  codes: Uint16Array;
  origin: Int32Array;
  length = 0;

  constructor(capacity = 512) {
    this.codes = new Uint16Array(capacity);
    this.origin = new Int32Array(capacity);
  }

  reset(): void {
    this.length = 0;
  }

  private grow(): void {
    const codes = new Uint16Array(this.codes.length * 2);
    codes.set(this.codes);
    const origin = new Int32Array(this.origin.length * 2);
    origin.set(this.origin);
    this.codes = codes;
    this.origin = origin;
  }

  push(code: number, from: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.origin[this.length] = from;
    this.length++;
  }

  pushString(s: string, from: number): void {
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i), from);
  }

  toString(start = 0, end = this.length): string {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(this.codes[i] ?? 0);
    return s;
  }
}

/** Appends the skeleton of `text[start, end)` to `out`. ASCII takes the fast path; other code points go through the confusable map. */
export function skeletonInto(text: string, start: number, end: number, out: SkeletonBuffer): void {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const mapped = ASCII_MAP[c];
      if (mapped === undefined) out.push(c, i);
      else out.pushString(mapped, i);
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    out.pushString(skeletonOfCodePoint(cp), i);
    if (cp > 0xffff) i++;
  }
}

const scratch = new SkeletonBuffer(256);

/** The skeleton of a whole string: equal skeletons mean the two look alike. */
export function skeleton(text: string): string {
  scratch.reset();
  skeletonInto(text, 0, text.length, scratch);
  return scratch.toString();
}
