import type { Family, Sink, PermuteTarget } from './types.js';

/** Every character a hostname label may hold but the hyphen (hyphenation handles that). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** One character moved to any other place (ail-typo-squatting's changeOrder). */
function reorder(chars: readonly string[], sink: Sink): void {
  for (let from = 0; from < chars.length; from++) {
    const rest = [...chars.slice(0, from), ...chars.slice(from + 1)];
    const c = chars[from] ?? '';
    for (let to = 0; to <= rest.length; to++) {
      if (to === from) continue;
      sink.label(rest.slice(0, to).join('') + c + rest.slice(to).join(''), 'reorder');
    }
  }
}

/** Any character inserted anywhere (dnstwist's addition appends; ail inserts at every place). */
function addition(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    for (const k of ALPHABET) sink.label(head + k + tail, 'addition');
  }
}

/** Any character in place of another. */
function substitution(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i + 1).join('');
    for (const k of ALPHABET) if (k !== chars[i]) sink.label(head + k + tail, 'substitution');
  }
}

/** Two neighbouring characters both replaced by one doubled character (`circl` → `c00cl`). */
function doubleReplacement(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i + 2).join('');
    for (const k of ALPHABET) sink.label(head + k + k + tail, 'double-replacement');
  }
}

/**
 * Edits of one or two characters without regard to the keyboard: many variants each, all within
 * the reach of the typo detector, so they run after every more specific fuzzer.
 */
export const broadTypos: Family = {
  fuzzers: ['reorder', 'addition', 'substitution', 'double-replacement'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const chars = [...target.label];
    reorder(chars, sink);
    addition(chars, sink);
    substitution(chars, sink);
    doubleReplacement(chars, sink);
  },
};
