/**
 * The April 2017 En Marche case, from the files shipped in data/cases/macron-2017/: the watchlist, the
 * lookalike names as publicly reported, the facts recorded about them then, and a stream of real
 * newly-certified names into which the lookalikes are mixed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from '../config/index.js';
import type { ReplayLine } from '../pipeline/index.js';
import type { Fact } from '../store/index.js';

export const CASE_DIR = join(DATA_DIR, 'cases/macron-2017');

export interface CaseDomain {
  readonly domain: string;
  readonly imitates: string;
  readonly brandDomains: readonly string[];
  readonly reportedBy: string;
}

export interface Case {
  readonly brandsFile: string;
  readonly domains: readonly CaseDomain[];
  readonly facts: readonly Fact[];
  /** The CT names with the case's names mixed in, in stream order. */
  readonly stream: readonly ReplayLine[];
  /** How many stream lines came from the CT log. */
  readonly ctEntries: number;
}

async function readDomains(): Promise<CaseDomain[]> {
  const text = await readFile(join(CASE_DIR, 'domains.tsv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => (cols[0] ?? '') !== '')
    .map(([domain = '', imitates = '', brandDomains = '', reportedBy = '']) => ({ domain, imitates, brandDomains: brandDomains.split(','), reportedBy }));
}

async function readFacts(): Promise<Fact[]> {
  const text = await readFile(join(CASE_DIR, 'recorded-facts.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const f = JSON.parse(l) as Partial<Fact>;
      if (typeof f.subject !== 'string' || typeof f.fact !== 'string' || typeof f.value !== 'string') throw new Error(`recorded-facts.jsonl:${i + 1}: not a fact`);
      return { subject: f.subject, fact: f.fact, value: f.value, observed: f.observed ?? '', source: f.source ?? 'recorded-facts.jsonl' };
    });
}

async function readCtLines(): Promise<ReplayLine[]> {
  const dir = join(CASE_DIR, 'ct');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const lines: ReplayLine[] = [];
  for (const f of files) {
    for (const text of (await readFile(join(dir, f), 'utf8')).split('\n')) {
      if (text.trim() === '') continue;
      const ts = (JSON.parse(text) as { Timestamp?: number }).Timestamp;
      lines.push({ text, source: 'ct:navigli2025h2', position: String(lines.length), seenAt: new Date(ts ?? 0).toISOString() });
    }
  }
  return lines;
}

/** Mixes the case names into the CT stream at evenly spaced places, the same on every run. */
function mix(ct: readonly ReplayLine[], domains: readonly CaseDomain[]): ReplayLine[] {
  const out = [...ct];
  domains.forEach((d, k) => {
    const at = Math.floor(((k + 1) * ct.length) / (domains.length + 1)) + k;
    out.splice(at, 0, { text: d.domain, source: 'case:macron-2017', position: d.domain, seenAt: '2017-04' });
  });
  return out;
}

export async function loadMacron2017(): Promise<Case> {
  const [domains, facts, ct] = await Promise.all([readDomains(), readFacts(), readCtLines()]);
  return { brandsFile: join(CASE_DIR, 'brands.yaml'), domains, facts, stream: mix(ct, domains), ctEntries: ct.length };
}
