import type { Family, Sink, PermuteTarget } from './types.js';

/**
 * ASCII look-alikes, each pair read both ways: what a reader takes for the original in a URL bar
 * or a mail client's font. Multi-character forms (`rn` for `m`) are the classic ones.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['o', '0'], ['l', '1'], ['i', '1'], ['i', 'l'], ['i', 'j'],
  ['m', 'rn'], ['m', 'nn'], ['m', 'rr'], ['w', 'vv'], ['w', 'uu'], ['d', 'cl'], ['d', 'ol'], ['b', 'lb'],
  ['h', 'lh'], ['k', 'lc'], ['n', 'r'], ['u', 'v'], ['g', 'q'], ['c', 'e'], ['a', 'o'], ['b', 'd'],
  ['s', '5'], ['z', '2'], ['e', '3'], ['a', '4'], ['t', '7'], ['b', '8'], ['g', '9'], ['b', '6'], ['q', '9'],
];

function buildTable(): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    if (from === '' || to === '' || /[^a-z0-9]/.test(to)) return;
    const list = table.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    table.set(from, list);
  };
  for (const [a, b] of PAIRS) {
    add(a, b);
    add(b, a);
  }
  return table;
}

/** Look-alike source (one or two characters) → its ASCII stand-ins. */
export const ASCII_GLYPHS: ReadonlyMap<string, readonly string[]> = buildTable();

/** Every occurrence of `from` in `label` replaced at once. */
function replaceAll(label: string, from: string, to: string): string {
  return label.split(from).join(to);
}

export const asciiHomoglyphs: Family = {
  fuzzers: ['ascii-homoglyph'],
  run(target: PermuteTarget, _options, sink: Sink): void {
    const label = target.label;
    for (const [from, tos] of ASCII_GLYPHS) {
      let at = label.indexOf(from);
      if (at < 0) continue;
      for (const to of tos) sink.label(replaceAll(label, from, to), 'ascii-homoglyph');
      while (at >= 0) {
        for (const to of tos) sink.label(label.slice(0, at) + to + label.slice(at + from.length), 'ascii-homoglyph');
        at = label.indexOf(from, at + 1);
      }
    }
  },
};
