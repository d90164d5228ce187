import { createRequire } from 'node:module';

/**
 * The confusable map behind skeletons: Unicode's confusables (UTS #39, as shipped by the
 * `unhomoglyph` package) lower-cased, plus overrides where that data falls short for domain names.
 * Both directions of a pair map to one form, so comparing skeletons finds look-alikes either way.
 */

// UTS #39 maps `m` to `rn`; we add the other multi-letter tricks the same way round, and digits for letters.
const ASCII_OVERRIDES: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'l',
  m: 'rn',
  w: 'vv',
  d: 'cl',
  q: 'g',
};

// Letters the v13 data maps to something a reader would not expect in a host name.
const UNICODE_OVERRIDES: Readonly<Record<string, string>> = {
  'ӏ': 'l', // Cyrillic palochka: looks like l, v13 says i
  'Ӏ': 'l',
  'ı': 'i',
  'ɩ': 'l',
  'ǀ': 'l',
  'ß': 'ss',
  'æ': 'ae',
  'œ': 'oe',
  'ø': 'o',
  'đ': 'cl',
  'ł': 'l',
  'ħ': 'h',
};

function isCombiningMark(code: number): boolean {
  return (code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff);
}

/** ASCII code → replacement, or undefined for identity. Index by char code < 128. */
export const ASCII_MAP: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
  for (let c = 65; c <= 90; c++) table[c] = String.fromCharCode(c + 32);
  for (const [from, to] of Object.entries(ASCII_OVERRIDES)) table[from.charCodeAt(0)] = to;
  return table;
})();

function asciiSkeleton(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 128 ? (ASCII_MAP[c] ?? text[i]) : text[i];
  }
  return out;
}

function loadUnicodeMap(): Map<number, string> {
  const require = createRequire(import.meta.url);
  const data = require('unhomoglyph/data.json') as Record<string, string>;
  const map = new Map<number, string>();
  for (const [from, to] of Object.entries(data)) {
    const code = from.codePointAt(0);
    if (code === undefined || code < 128 || from.length > 2) continue;
    map.set(code, asciiSkeleton(to.toLowerCase()));
  }
  for (const [from, to] of Object.entries(UNICODE_OVERRIDES)) map.set(from.codePointAt(0) ?? 0, asciiSkeleton(to));
  return map;
}

const UNICODE_MAP = loadUnicodeMap();

/** The skeleton of one non-ASCII code point: the confusable map, else its base letter without diacritics, else itself. */
export function skeletonOfCodePoint(code: number): string {
  const mapped = UNICODE_MAP.get(code);
  if (mapped !== undefined) return mapped;
  const ch = String.fromCodePoint(code);
  const lower = ch.toLowerCase();
  const lowerMapped = lower !== ch ? UNICODE_MAP.get(lower.codePointAt(0) ?? 0) : undefined;
  if (lowerMapped !== undefined) return lowerMapped;
  let base = '';
  for (const part of lower.normalize('NFKD')) {
    const pc = part.codePointAt(0) ?? 0;
    if (isCombiningMark(pc)) continue;
    base += pc < 128 ? (ASCII_MAP[pc] ?? part) : (UNICODE_MAP.get(pc) ?? part);
  }
  return base.length > 0 ? base : lower;
}

/** How many entries the Unicode part of the map holds (for tests and the README). */
export const CONFUSABLE_COUNT = UNICODE_MAP.size;
