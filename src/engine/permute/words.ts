import type { Family, Fuzzer, PermuteOptions, Sink, PermuteTarget } from './types.js';

/** Number words and ordinals a name may spell either way (`one` ↔ `1`), English and French. */
const NUMERALS: readonly (readonly [string, string])[] = [
  ['zero', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'],
  ['seven', '7'], ['eight', '8'], ['nine', '9'], ['ten', '10'], ['first', '1st'], ['second', '2nd'],
  ['third', '3rd'], ['fourth', '4th'], ['deux', '2'], ['trois', '3'], ['quatre', '4'], ['cinq', '5'],
  ['sept', '7'], ['huit', '8'], ['neuf', '9'], ['premier', '1er'],
];

/** Shorter words match inside too many unrelated labels to be worth a variant. */
const MIN_WORD = 3;

/** Each occurrence of `from` in `label` replaced by `to`, one at a time, then all at once. */
function swapWord(label: string, from: string, to: string, fuzzer: Fuzzer, sink: Sink): void {
  let at = label.indexOf(from);
  if (at < 0) return;
  sink.label(label.split(from).join(to), fuzzer);
  while (at >= 0) {
    sink.label(label.slice(0, at) + to + label.slice(at + from.length), fuzzer);
    at = label.indexOf(from, at + 1);
  }
}

function homophones(label: string, groups: PermuteOptions['homophones'], sink: Sink): void {
  for (const group of groups ?? []) {
    for (const from of group) {
      if (from.length < MIN_WORD || !label.includes(from)) continue;
      for (const to of group) if (to !== from) swapWord(label, from, to, 'homophone', sink);
    }
  }
}

function misspellings(label: string, table: PermuteOptions['misspellings'], sink: Sink): void {
  if (table === undefined) return;
  for (const [word, wrongs] of table) {
    if (word.length < MIN_WORD || !label.includes(word)) continue;
    for (const wrong of wrongs) swapWord(label, word, wrong, 'misspelling', sink);
  }
}

/** English plural and singular forms of one word. */
function inflections(word: string): string[] {
  if (word.length < MIN_WORD || /\d/.test(word)) return [];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  if (/(s|x|z|ch|sh)es$/.test(word)) return [word.slice(0, -2), word.slice(0, -1)];
  if (word.endsWith('ss')) return [`${word}es`];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`, `${word}s`];
  if (/(x|z|ch|sh)$/.test(word)) return [`${word}es`];
  return [`${word}s`];
}

/** Each hyphen-separated word of the label in its other grammatical number. */
function singularPlural(label: string, sink: Sink): void {
  const words = label.split('-');
  words.forEach((w, i) => {
    for (const form of inflections(w)) {
      sink.label([...words.slice(0, i), form, ...words.slice(i + 1)].join('-'), 'singular-plural');
    }
  });
}

function numeralSwap(label: string, sink: Sink): void {
  for (const [word, digits] of NUMERALS) {
    swapWord(label, word, digits, 'numeral-swap', sink);
    swapWord(label, digits, word, 'numeral-swap', sink);
  }
}

/** Variants made of words: homophones, common misspellings, grammatical number, numerals. */
export const wordVariants: Family = {
  fuzzers: ['homophone', 'misspelling', 'singular-plural', 'numeral-swap'],
  run(target: PermuteTarget, options: PermuteOptions, sink: Sink): void {
    homophones(target.label, options.homophones, sink);
    misspellings(target.label, options.misspellings, sink);
    singularPlural(target.label, sink);
    numeralSwap(target.label, sink);
  },
};
