/**
 * What unrelated domains look like, so shared facts can be weighed by rarity: popular benign domains
 * (top lists: a name server or e-mail host under one of them is shared by many), generic lookalike
 * names (a phishing list: the naming model's "nobody we know" class and the base rate of a targeted
 * brand), and facts observed about domains that belong to no known actor (enrichment history).
 */
import { readText } from './import-files.js';
import type { Fact } from './types.js';
import { isRecord, strings } from './import/json-input.js';
import { registrableLabel } from './naming.js';
import { parse } from 'tldts';

export interface Background {
  /** Registrable domains of popular sites. */
  readonly popular: ReadonlySet<string>;
  /** Registrable labels of lookalike domains by unknown parties. */
  readonly lookalikeLabels: readonly string[];
  /** `fact\0value` → how many distinct unrelated subjects showed it. */
  readonly factCounts: ReadonlyMap<string, number>;
}

export interface BackgroundFiles {
  /** MISP warning lists or plain lists of popular domains. */
  readonly toplists?: readonly string[];
  /** Plain lists of phishing / lookalike domains, one per line. */
  readonly lookalikes?: readonly string[];
  /** Facts about domains of no known actor. */
  readonly facts?: readonly Fact[];
}

export function registrableDomain(host: string): string | null {
  return parse(host, { allowPrivateDomains: true }).domain;
}

/** Fact kinds that name the same thing, counted together. */
export function factKey(fact: string, value: string): string {
  return `${fact}\u0000${value.toLowerCase()}`;
}

export function buildBackground(popularDomains: Iterable<string>, lookalikeDomains: Iterable<string>, facts: readonly Fact[] = []): Background {
  const popular = new Set<string>();
  for (const d of popularDomains) {
    const r = registrableDomain(d.trim().toLowerCase());
    if (r !== null) popular.add(r);
  }
  const lookalikeLabels: string[] = [];
  for (const d of lookalikeDomains) {
    const l = registrableLabel(d.trim().toLowerCase());
    if (l !== null) lookalikeLabels.push(l);
  }
  const subjects = new Map<string, Set<string>>();
  for (const f of facts) {
    const k = factKey(f.fact, f.value);
    subjects.set(k, (subjects.get(k) ?? new Set()).add(f.subject));
  }
  const factCounts = new Map<string, number>();
  for (const [k, s] of subjects) factCounts.set(k, s.size);
  return { popular, lookalikeLabels, factCounts };
}

/** Reads top lists (MISP warning-list JSON with a `list`, or one domain per line) and lookalike lists. */
export async function loadBackground(files: BackgroundFiles): Promise<Background> {
  const popular: string[] = [];
  for (const f of files.toplists ?? []) popular.push(...listOf(await readText(f)));
  const lookalikes: string[] = [];
  for (const f of files.lookalikes ?? []) lookalikes.push(...listOf(await readText(f)));
  return buildBackground(popular, lookalikes, files.facts ?? []);
}

function listOf(text: string): string[] {
  const t = text.trimStart();
  if (t.startsWith('{')) {
    const root: unknown = JSON.parse(t);
    return isRecord(root) ? strings(root.list) : [];
  }
  return text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}
