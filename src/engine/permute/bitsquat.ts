import type { Family, Sink, PermuteTarget } from './types.js';

function isLdh(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * One bit flipped in one byte of the label, as a memory or transmission error would, kept only
 * when the result is still a hostname character (an upper-case flip is the same name in DNS).
 */
export const bitsquats: Family = {
  fuzzers: ['bitsquat'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const label = target.label;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      if (c > 127) continue;
      for (let bit = 0; bit < 8; bit++) {
        const f = c ^ (1 << bit);
        if (!isLdh(f)) continue;
        sink.label(label.slice(0, i) + String.fromCharCode(f) + label.slice(i + 1), 'bitsquat');
      }
    }
  },
};
