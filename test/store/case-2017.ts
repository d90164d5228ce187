/** Hits and facts from the April 2017 En Marche case (../shared/data/cases/macron-2017/), for store tests. */
import { readFileSync } from 'node:fs';
import type { Hit, Provenance, Technique } from '../../src/engine/index.js';
import type { Fact, SightedHit } from '../../src/store/index.js';

export const CASE_DIR = new URL('../../../shared/data/cases/macron-2017/', import.meta.url);

/** The case's domains with the brand each imitates, read from domains.tsv. */
export function caseDomains(): { domain: string; brandDomain: string }[] {
  const lines = readFileSync(new URL('domains.tsv', CASE_DIR), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [domain = '', , brandDomains = ''] = line.split('\t');
    return { domain, brandDomain: brandDomains.split(',')[0] ?? '' };
  });
}

/** recorded-facts.jsonl, checked field by field. */
export function caseFacts(): Fact[] {
  const lines = readFileSync(new URL('recorded-facts.jsonl', CASE_DIR), 'utf8').trim().split('\n');
  return lines.map((line, i) => {
    const r = JSON.parse(line) as Record<string, unknown>;
    const field = (k: string): string => {
      const v = r[k];
      if (typeof v !== 'string') throw new Error(`recorded-facts.jsonl line ${i + 1}: ${k} is not a string`);
      return v;
    };
    return { subject: field('subject'), fact: field('fact'), value: field('value'), observed: field('observed'), source: field('source') };
  });
}

export interface HitSpec {
  readonly name: string;
  readonly domain?: string;
  readonly brand?: string;
  readonly brandDomain?: string;
  readonly score?: number;
  readonly techniques?: readonly Technique[];
  readonly reasons?: readonly string[];
  readonly source?: string;
  readonly position?: string;
  readonly seenAt?: string;
  readonly fingerprint?: string;
  readonly issuer?: string;
}

/** A hit as the matcher would give it, with the feed's provenance; defaults make tests short. */
export function sighted(spec: HitSpec): SightedHit {
  const domain = spec.domain ?? spec.name;
  const hit: Hit = {
    name: spec.name,
    display: spec.name,
    domain,
    brand: spec.brand ?? 'En Marche',
    brandDomain: spec.brandDomain ?? 'en-marche.fr',
    score: spec.score ?? 0.9,
    techniques: spec.techniques ?? ['combo'],
    reasons: spec.reasons ?? [`brand \`en-marche\` inside \`${domain}\``],
  };
  const provenance: Provenance = {
    source: spec.source ?? 'ct:test',
    seenAt: spec.seenAt ?? '2017-04-20T10:00:00.000Z',
    ...(spec.position === undefined ? {} : { position: spec.position }),
    ...(spec.fingerprint === undefined
      ? {}
      : { cert: { fingerprint: spec.fingerprint, ...(spec.issuer === undefined ? {} : { issuer: spec.issuer }) } }),
  };
  return { hit, provenance };
}
