import type { Technique } from '../types.js';

/**
 * Every fuzzer and the detection technique it exercises. The order is the order of generation:
 * a variant produced by several fuzzers is attributed to the first, so specific fuzzers come
 * before the broad ones (`0` for `o` is a homoglyph before it is a keyboard slip).
 */
export const FUZZERS = {
  'ascii-homoglyph': 'homoglyph',
  omission: 'typo',
  repetition: 'typo',
  transposition: 'typo',
  'vowel-swap': 'typo',
  insertion: 'typo',
  replacement: 'typo',
  bitsquat: 'bitsquat',
  hyphenation: 'hyphenation',
  'hyphen-removal': 'hyphenation',
  'dot-insertion': 'dot-insertion',
  'hyphen-to-dot': 'dot-insertion',
  homophone: 'typo',
  misspelling: 'typo',
  'singular-plural': 'typo',
  'numeral-swap': 'typo',
  'tld-swap': 'tld-swap',
  'sld-drop': 'tld-swap',
  flatten: 'levelsquat',
  'add-tld': 'levelsquat',
  'missing-dot': 'levelsquat',
  combo: 'combo',
  'idn-homoglyph': 'idn',
  reorder: 'typo',
  addition: 'typo',
  substitution: 'typo',
  'double-replacement': 'typo',
} as const satisfies Record<string, Technique>;

export type Fuzzer = keyof typeof FUZZERS;

/** One lookalike of the input domain. */
export interface Variant {
  /** Lower-case ASCII (punycode for IDN). */
  readonly domain: string;
  /** The Unicode form, for display; equal to `domain` when it is plain ASCII. */
  readonly display: string;
  readonly technique: Technique;
  readonly fuzzer: Fuzzer;
}

export interface PermuteOptions {
  /** Fuzzer or technique names to run (e.g. `omission`, `typo`, `idn`); all when absent. */
  readonly families?: readonly string[];
  /** Keywords for combosquats (prefix and suffix, with and without hyphen). */
  readonly dictionary?: readonly string[];
  /** TLDs (or multi-label suffixes like `com.br`) for TLD swaps and flattened levelsquats. */
  readonly tlds?: readonly string[];
  /** Groups of words that sound alike, e.g. `['cite', 'sight', 'site']`. */
  readonly homophones?: readonly (readonly string[])[];
  /** Correct word → its common misspellings, e.g. `project` → `['projet']`. */
  readonly misspellings?: ReadonlyMap<string, readonly string[]>;
}

/** The input domain cut where the fuzzers work: `prefix` + `label` + `.` + `suffix`. */
export interface PermuteTarget {
  /** The whole input, lower-case ASCII. */
  readonly domain: string;
  /** Subdomain labels left of the registrable label, with their trailing dot (`www.`), or ''. */
  readonly prefix: string;
  /** The registrable label, the one most fuzzers change (`en-marche`). */
  readonly label: string;
  /** The public suffix (`fr`, `gov.uk`). */
  readonly suffix: string;
}

/** What a fuzzer family hands its candidates to; validation and deduplication happen behind it. */
export interface Sink {
  /** A candidate for the registrable label, placed between the target's prefix and suffix. */
  label(label: string, fuzzer: Fuzzer): void;
  /** A whole candidate domain, Unicode or ASCII. */
  domain(domain: string, fuzzer: Fuzzer): void;
}

/** A family of fuzzers: generates candidates for the fuzzers it names. */
export interface Family {
  readonly fuzzers: readonly Fuzzer[];
  run(target: PermuteTarget, options: PermuteOptions, sink: Sink): void;
}
