import type { Technique } from '../types.js';
import { FUZZERS, type Fuzzer } from './types.js';

export const FUZZER_NAMES = Object.keys(FUZZERS) as Fuzzer[];

/** Every name `families` accepts: each fuzzer, each technique, and `all`. */
export const FAMILY_NAMES: readonly string[] = [
  'all',
  ...new Set<string>(Object.values(FUZZERS) as Technique[]),
  ...FUZZER_NAMES,
];

export type FamilySelection = { ok: true; fuzzers: ReadonlySet<Fuzzer> } | { ok: false; unknown: readonly string[] };

/** Family names (fuzzers or techniques) → the fuzzers to run; every fuzzer when none are given. */
export function selectFuzzers(names: readonly string[] | undefined): FamilySelection {
  if (names === undefined || names.length === 0) return { ok: true, fuzzers: new Set(FUZZER_NAMES) };
  const fuzzers = new Set<Fuzzer>();
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const before = fuzzers.size;
    for (const f of FUZZER_NAMES) if (name === 'all' || f === name || FUZZERS[f] === name) fuzzers.add(f);
    if (fuzzers.size === before && !FAMILY_NAMES.includes(name)) unknown.push(raw);
  }
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, fuzzers };
}
