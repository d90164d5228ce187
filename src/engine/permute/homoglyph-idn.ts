import { unicodeGlyphs } from './glyphs-unicode.js';
import type { Family, Sink, PermuteTarget } from './types.js';

/**
 * IDN homographs: one character of the label, or every occurrence of it, replaced by a Unicode
 * look-alike. The sink turns each into punycode and keeps the Unicode form for display.
 */
export const idnHomoglyphs: Family = {
  fuzzers: ['idn-homoglyph'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const table = unicodeGlyphs();
    const chars = [...target.label];
    const seen = new Set<string>();
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] ?? '';
      const glyphs = table.get(c);
      if (glyphs === undefined) continue;
      const head = chars.slice(0, i).join('');
      const tail = chars.slice(i + 1).join('');
      const first = !seen.has(c);
      seen.add(c);
      for (const g of glyphs) {
        sink.label(head + g + tail, 'idn-homoglyph');
        if (first) sink.label(chars.map((x) => (x === c ? g : x)).join(''), 'idn-homoglyph');
      }
    }
  },
};
