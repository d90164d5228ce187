import { ADJACENT } from './keyboards.js';
import type { Family, Sink, PermuteTarget } from './types.js';

const VOWELS = 'aeiouy';

function isVowel(c: string): boolean {
  return VOWELS.includes(c);
}

function omission(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '-') continue; // removing a hyphen is hyphenation's job
    sink.label(chars.slice(0, i).join('') + chars.slice(i + 1).join(''), 'omission');
  }
}

function repetition(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '-') continue;
    sink.label(chars.slice(0, i).join('') + c + chars.slice(i).join(''), 'repetition');
  }
}

function transposition(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    if (a === b) continue;
    sink.label(chars.slice(0, i).join('') + b + a + chars.slice(i + 2).join(''), 'transposition');
  }
}

function vowelSwap(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (!isVowel(c)) continue;
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i + 1).join('');
    for (const v of VOWELS) if (v !== c) sink.label(head + v + tail, 'vowel-swap');
  }
}

/** A neighbouring key struck before or after the intended one. */
function insertion(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i + 1).join('');
    for (const k of ADJACENT.get(c) ?? '') {
      sink.label(head + k + c + tail, 'insertion');
      sink.label(head + c + k + tail, 'insertion');
    }
  }
}

/** A neighbouring key struck instead of the intended one. */
function replacement(chars: readonly string[], sink: Sink): void {
  for (let i = 0; i < chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i + 1).join('');
    for (const k of ADJACENT.get(chars[i] ?? '') ?? '') sink.label(head + k + tail, 'replacement');
  }
}

/** Keyboard and spelling slips of one or two keystrokes (dnstwist's typo fuzzers). */
export const typos: Family = {
  fuzzers: ['omission', 'repetition', 'transposition', 'vowel-swap', 'insertion', 'replacement'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const chars = [...target.label];
    omission(chars, sink);
    repetition(chars, sink);
    transposition(chars, sink);
    vowelSwap(chars, sink);
    insertion(chars, sink);
    replacement(chars, sink);
  },
};
