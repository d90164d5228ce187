import { combos } from './combo.js';
import { bitsquats } from './bitsquat.js';
import { selectFuzzers } from './families.js';
import { asciiHomoglyphs } from './homoglyph-ascii.js';
import { idnHomoglyphs } from './homoglyph-idn.js';
import { toHostname } from './hostname.js';
import { dotInsertions, hyphenations } from './hyphenation.js';
import { splitTarget } from './target.js';
import { levelsquats, tldSwaps } from './tld-swap.js';
import { broadTypos } from './typo-broad.js';
import { typos } from './typo.js';
import { FUZZERS, type Family, type Fuzzer, type PermuteOptions, type Sink, type Variant } from './types.js';
import { wordVariants } from './words.js';

/** In generation order: a variant two fuzzers make is credited to the first (see FUZZERS). */
const FAMILIES: readonly Family[] = [
  asciiHomoglyphs, typos, bitsquats, hyphenations, dotInsertions, wordVariants,
  tldSwaps, levelsquats, combos, idnHomoglyphs, broadTypos,
];

/**
 * Every lookalike of `domain` the selected fuzzers make: valid hostnames only, each once, never the
 * domain itself. A domain that is not a valid hostname with a registrable label gives [].
 * Unknown family names select nothing; check them first with `selectFuzzers`.
 */
export function permute(domain: string, options: PermuteOptions = {}): Variant[] {
  const target = splitTarget(domain);
  if (target === null) return [];
  const selection = selectFuzzers(options.families);
  if (!selection.ok) return [];
  const selected = selection.fuzzers;
  const out: Variant[] = [];
  const seen = new Set<string>([target.domain]);
  const tail = `.${target.suffix}`;

  const emit = (candidate: string, fuzzer: Fuzzer): void => {
    if (!selected.has(fuzzer) || seen.has(candidate)) return;
    seen.add(candidate);
    const host = toHostname(candidate);
    if (host === null || (host.ascii !== candidate && seen.has(host.ascii))) return;
    seen.add(host.ascii);
    out.push({ domain: host.ascii, display: host.display, technique: FUZZERS[fuzzer], fuzzer });
  };
  const sink: Sink = {
    label: (label, fuzzer) => emit(target.prefix + label + tail, fuzzer),
    domain: emit,
  };
  for (const family of FAMILIES) {
    if (family.fuzzers.some((f) => selected.has(f))) family.run(target, options, sink);
  }
  return out;
}
