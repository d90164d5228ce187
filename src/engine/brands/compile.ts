import { Automaton, EndsFilter, HashMultimap, PrefixHashes, hashString } from '../index/index.js';
import { KeywordSet } from '../detect/keywords.js';
import type { Brand } from '../types.js';
import { buildTargets, type Target } from './target.js';

export interface CompileOptions {
  /** Words phishers put beside a brand (`mail`, `login`...): see data/keywords.txt. */
  readonly keywords: Iterable<string>;
  /** Everyday words that are weak brand tokens on their own (`live`, `office`); keywords are always included. */
  readonly generic?: Iterable<string>;
  /** Registrable domains never alerted, for any brand. */
  readonly allowlist?: Iterable<string>;
}

/**
 * Two-deletion lookups on the name's side cost n(n-1)/2 hashes: done only for labels up to this length.
 * Beyond it, two-edit typos are still found when at most one of the edits adds a character to the name.
 */
export const MAX_DEEP_LENGTH = 16;

/** Tokens shorter than this are not put in the automaton: `bbc` would fire inside every `abbc...`. Hyphen runs still find them. */
export const MIN_AUTOMATON_TOKEN = 4;

/**
 * The compiled watchlist: every structure the matcher reads, built once. Matching one name looks up a
 * fixed number of hashes and walks one automaton, so its cost does not grow with the number of brands.
 */
export class BrandIndex {
  readonly targets: readonly Target[];
  readonly keywords: KeywordSet;
  /** Keywords and everyday words, flat: a name whose label is one of these is no typo of a brand (`cloud` vs `icloud`). */
  readonly generic: ReadonlySet<string>;
  /** hash(label) → targets with that exact label. */
  readonly exact: HashMultimap;
  /** hash(skeleton of label) → domain targets. */
  readonly skeletons: HashMultimap;
  /** hash(label with up to maxEdits deletions) → targets that allow typos. */
  readonly deletions: HashMultimap;
  /** The ends of every string in `deletions`: asked before hashing each two-deletion variant of a name's label. */
  readonly deletionEnds: EndsFilter;
  readonly automaton: Automaton;
  /** Automaton pattern id → target ids. */
  readonly patternTargets: readonly (readonly number[])[];
  /** Registrable domain → brands that own it or allow it. */
  readonly protectedFor: ReadonlyMap<string, ReadonlySet<number>>;
  readonly allowlist: ReadonlySet<string>;
  /** deepLengths[n] = 1: a label of n characters may be two edits from a brand, so two deletions are looked up too. */
  readonly deepLengths: Uint8Array;
  /** Label lengths worth a deletion lookup. */
  readonly minTypoLength: number;
  readonly maxTypoLength: number;

  constructor(
    readonly brands: readonly Brand[],
    options: CompileOptions,
  ) {
    this.keywords = new KeywordSet(options.keywords);
    const generic = new Set<string>();
    for (const w of [...options.keywords, ...(options.generic ?? [])]) generic.add(w.toLowerCase().replace(/[-._\s]/g, ''));
    this.generic = generic;
    this.targets = buildTargets(brands, generic);
    this.allowlist = new Set([...(options.allowlist ?? [])].map((d) => d.toLowerCase()));
    this.protectedFor = protectedDomains(brands);
    this.exact = hashIndex(this.targets, (t) => [hashString(t.label)]);
    this.skeletons = hashIndex(this.targets.filter((t) => t.isDomain), (t) => [hashString(t.skeleton)]);
    const typoTargets = this.targets.filter((t) => t.maxEdits > 0);
    this.deletions = hashIndex(typoTargets, deletionHashes);
    this.deletionEnds = new EndsFilter(this.deletions.ids.length);
    for (const t of typoTargets) addDeletionEnds(this.deletionEnds, t);
    this.deepLengths = new Uint8Array(MAX_DEEP_LENGTH + 1);
    for (const t of typoTargets) {
      if (t.maxEdits < 2) continue;
      for (let n = t.label.length - 2; n <= Math.min(MAX_DEEP_LENGTH, t.label.length + 2); n++) this.deepLengths[n] = 1;
    }
    this.minTypoLength = Math.max(1, Math.min(...typoTargets.map((t) => t.label.length)) - 2);
    this.maxTypoLength = Math.max(0, ...typoTargets.map((t) => t.label.length)) + 1;
    const tokens = this.targets.filter((t) => t.flat.length >= MIN_AUTOMATON_TOKEN);
    this.automaton = new Automaton(tokens.map((t) => t.flat));
    const byPattern: number[][] = tokens.map(() => []);
    tokens.forEach((t, i) => byPattern[this.automaton.alias[i] ?? i]?.push(t.id));
    this.patternTargets = byPattern;
  }

  /** Approximate bytes held by the index structures (not counting the strings of targets). */
  get bytes(): number {
    return this.exact.bytes + this.skeletons.bytes + this.deletions.bytes + this.deletionEnds.bytes + this.automaton.bytes;
  }
}

function protectedDomains(brands: readonly Brand[]): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  brands.forEach((b, i) => {
    for (const d of [...b.domains, ...b.allowlist]) {
      const set = map.get(d) ?? new Set<number>();
      set.add(i);
      map.set(d, set);
    }
  });
  return map;
}

function hashIndex(targets: readonly Target[], keysOf: (t: Target) => number[]): HashMultimap {
  const keys: number[] = [];
  const ids: number[] = [];
  for (const t of targets) {
    for (const k of keysOf(t)) {
      keys.push(k);
      ids.push(t.id);
    }
  }
  return new HashMultimap(keys, ids);
}

const prefix = new PrefixHashes();

/** The label itself and every variant with up to maxEdits characters deleted. */
function deletionHashes(t: Target): number[] {
  prefix.load(toCodes(t.label), 0, t.label.length);
  const n = t.label.length;
  const out = [prefix.whole()];
  for (let i = 0; i < n; i++) out.push(prefix.without(i));
  if (t.maxEdits >= 2) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push(prefix.without2(i, j));
  return out;
}

/** The same variants as deletionHashes, into the ends filter. */
function addDeletionEnds(filter: EndsFilter, t: Target): void {
  const codes = toCodes(t.label);
  const n = codes.length;
  filter.addVariant(codes, n, -1, -1);
  for (let i = 0; i < n; i++) filter.addVariant(codes, n, -1, i);
  if (t.maxEdits >= 2) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) filter.addVariant(codes, n, i, j);
}

function toCodes(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/** Compiles a watchlist's brands into an index. */
export function compileBrands(brands: readonly Brand[], options: CompileOptions): BrandIndex {
  return new BrandIndex(brands, options);
}
