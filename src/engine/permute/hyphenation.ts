import type { Family, Sink, PermuteTarget } from './types.js';

/** A hyphen added between two characters, or one of the label's hyphens taken out. */
export const hyphenations: Family = {
  fuzzers: ['hyphenation', 'hyphen-removal'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const label = target.label;
    for (let i = 1; i < label.length; i++) {
      if (label[i - 1] === '-' || label[i] === '-') continue;
      sink.label(`${label.slice(0, i)}-${label.slice(i)}`, 'hyphenation');
    }
    let at = label.indexOf('-');
    while (at >= 0) {
      sink.label(label.slice(0, at) + label.slice(at + 1), 'hyphen-removal');
      at = label.indexOf('-', at + 1);
    }
    if (label.includes('-')) sink.label(label.split('-').join(''), 'hyphen-removal');
  },
};

/**
 * A dot inside the label, splitting it into a subdomain of a shorter name (`en-mar.che.fr`), or a
 * hyphen turned into a dot (`en.marche.fr`): whoever registers the right part owns the lookalike.
 */
export const dotInsertions: Family = {
  fuzzers: ['dot-insertion', 'hyphen-to-dot'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const label = target.label;
    for (let i = 1; i < label.length; i++) {
      if (label[i - 1] === '-' || label[i] === '-') continue;
      sink.label(`${label.slice(0, i)}.${label.slice(i)}`, 'dot-insertion');
    }
    let at = label.indexOf('-');
    while (at >= 0) {
      sink.label(`${label.slice(0, at)}.${label.slice(at + 1)}`, 'hyphen-to-dot');
      at = label.indexOf('-', at + 1);
    }
  },
};
