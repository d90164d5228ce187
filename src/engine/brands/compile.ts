import { Automaton, EndsFilter, HashMultimap, InlineMultimap, PrefixHashes, hashString } from '../index/index.js';
import { KeywordSet } from '../detect/keywords.js';
import type { Brand } from '../types.js';
import { LabelTable } from './label-table.js';
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
 * Beyond it, two-edit typos are still found when at most one of the edits costs the name a deletion (an added,
 * replaced or swapped letter does; a letter left out costs the brand's side one).
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
  /** hash(label) → targets with that exact label, hash(skeleton) → domain targets, hash(domain's label) → owners: one probe. */
  readonly labels: LabelTable;
  /**
   * hash(label) → the targets too short for the automaton (flat under MIN_AUTOMATON_TOKEN), which the hyphen runs look
   * for: a few hundred keys, a table that stays in the cache where the label table's filter did not.
   */
  readonly shortLabels: HashMultimap;
  /** hash(label with up to maxEdits deletions) → typo groups (see typoGroups); nearly every hash has one group. */
  readonly deletions: InlineMultimap;
  /** The targets that allow typos, one group per label: a label is hashed, looked up and verified once, not once per domain. */
  readonly typoGroups: TypoGroups;
  /** The ends of every string in `deletions`: asked before hashing each deletion variant of a name's label. */
  readonly deletionEnds: EndsFilter;
  readonly automaton: Automaton;
  /** Automaton pattern id → target ids. */
  readonly patternTargets: readonly (readonly number[])[];
  /** Registrable domain → brands that own it or allow it. */
  readonly protectedFor: ReadonlyMap<string, ReadonlySet<number>>;
  readonly allowlist: ReadonlySet<string>;
  /**
   * deepLengths[n] = 1: a label of n characters may need two deletions to meet a brand, so they are looked up too.
   * Only a name's insertions, replacements and swaps cost it a deletion (the brand's side takes the rest), so a
   * name needs two only when it is at least as long as the brand, which has at least 9 letters to allow two edits.
   */
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
    this.labels = new LabelTable(this.targets, this.protectedFor);
    const short = this.targets.filter((t) => t.flat.length < MIN_AUTOMATON_TOKEN);
    this.shortLabels = new HashMultimap(
      short.map((t) => hashString(t.label)),
      short.map((t) => t.id),
    );
    const typoTargets = this.targets.filter((t) => t.maxEdits > 0);
    this.typoGroups = groupByLabel(typoTargets);
    // Group g's head is heads[g]: the deletion table files group ids by position (head ids are target ids, never missing).
    const heads = Array.from(this.typoGroups.head, (id) => this.targets[id] as Target);
    this.deletions = new InlineMultimap(...indexPairs(heads, deletionHashes, (g) => g));
    this.deletionEnds = new EndsFilter(heads.reduce((sum, t) => sum + variantCount(t), 0));
    for (const t of heads) addDeletionEnds(this.deletionEnds, t);
    this.deepLengths = new Uint8Array(MAX_DEEP_LENGTH + 1);
    for (const t of typoTargets) {
      if (t.maxEdits < 2) continue;
      for (let n = t.label.length; n <= Math.min(MAX_DEEP_LENGTH, t.label.length + 2); n++) this.deepLengths[n] = 1;
    }
    // A typo of a label of n letters with up to e edits has n - e to n + e letters.
    this.minTypoLength = Math.max(1, Math.min(...typoTargets.map((t) => t.label.length - t.maxEdits)));
    this.maxTypoLength = Math.max(0, ...typoTargets.map((t) => t.label.length + t.maxEdits));
    const tokens = this.targets.filter((t) => t.flat.length >= MIN_AUTOMATON_TOKEN);
    this.automaton = new Automaton(tokens.map((t) => t.flat));
    const byPattern: number[][] = tokens.map(() => []);
    tokens.forEach((t, i) => byPattern[this.automaton.alias[i] ?? i]?.push(t.id));
    this.patternTargets = byPattern;
  }

  /** Approximate bytes held by the index structures (not counting the strings of targets). */
  get bytes(): number {
    return this.labels.bytes + this.shortLabels.bytes + this.deletions.bytes + this.deletionEnds.bytes + this.automaton.bytes;
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

/** The keys of each target, and beside each the id `idOf` gives the target from its position in `targets`. */
function indexPairs(targets: readonly Target[], keysOf: (t: Target) => number[], idOf: (i: number, t: Target) => number): [number[], number[]] {
  const keys: number[] = [];
  const ids: number[] = [];
  targets.forEach((t, i) => {
    for (const k of keysOf(t)) {
      keys.push(k);
      ids.push(idOf(i, t));
    }
  });
  return [keys, ids];
}

/**
 * Typo targets grouped by label (a brand with 200 country domains has 200 targets labelled `google`, all with
 * the same deletion variants): group g holds the target ids members[first[g], first[g + 1]), in id order.
 */
export interface TypoGroups {
  readonly first: Uint32Array;
  readonly members: Uint32Array;
  /** The brand of each member, beside it: a brand's domains come one after another, and one owned brand skips them all. */
  readonly brands: Uint32Array;
  /** The first target of each group: its label, skeleton and maxEdits are the group's. */
  readonly head: Uint32Array;
  readonly maxEdits: Uint8Array;
}

function groupByLabel(targets: readonly Target[]): TypoGroups {
  const byLabel = new Map<string, Target[]>();
  for (const t of targets) {
    const group = byLabel.get(t.label) ?? [];
    group.push(t);
    byLabel.set(t.label, group);
  }
  const groups = [...byLabel.values()];
  const first = new Uint32Array(groups.length + 1);
  groups.forEach((group, g) => (first[g + 1] = (first[g] ?? 0) + group.length));
  return {
    first,
    members: Uint32Array.from(groups.flat(), (t) => t.id),
    brands: Uint32Array.from(groups.flat(), (t) => t.brand),
    head: Uint32Array.from(groups, (group) => group[0]?.id ?? 0),
    maxEdits: Uint8Array.from(groups, (group) => group[0]?.maxEdits ?? 0),
  };
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

/** How many variants deletionHashes gives. */
function variantCount(t: Target): number {
  const n = t.label.length;
  return 1 + n + (t.maxEdits >= 2 ? (n * (n - 1)) / 2 : 0);
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
