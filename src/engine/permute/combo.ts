import type { Family, PermuteOptions, Sink, PermuteTarget } from './types.js';

/** The label beside a dictionary keyword, before or after it, with or without a hyphen. */
export const combos: Family = {
  fuzzers: ['combo'],
  run(target: PermuteTarget, options: PermuteOptions, sink: Sink): void {
    const label = target.label;
    for (const raw of options.dictionary ?? []) {
      const word = raw.trim().toLowerCase();
      if (word === '' || word === label) continue;
      sink.label(`${word}${label}`, 'combo');
      sink.label(`${word}-${label}`, 'combo');
      sink.label(`${label}${word}`, 'combo');
      sink.label(`${label}-${word}`, 'combo');
    }
  },
};
