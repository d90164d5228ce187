/**
 * The Store: where findings live once found. Every method is async so that the SQLite store
 * (sqlite.ts, the default) and a PostgreSQL store behave the same to their callers;
 * test/store/contract.ts is the behaviour both must show.
 */
import type { Hit, Provenance, Technique, TriageState } from '../engine/index.js';

/** One hit with the sighting that produced it: what feeds and the matcher hand to the store. */
export interface SightedHit {
  readonly hit: Hit;
  readonly provenance: Provenance;
}

/** The best hit seen for one brand of a finding. */
export interface BrandMatch {
  readonly brand: string;
  readonly brandDomain: string;
  readonly score: number;
  readonly techniques: readonly Technique[];
  readonly reasons: readonly string[];
}

/** A registrable domain judged to imitate one or more brands: stored once, its sightings appended. */
export interface Finding {
  /** Registrable domain, ASCII (punycode), lower case: the key. */
  readonly domain: string;
  /** The domain for display (Unicode). Attacker-controlled: escape when rendering. */
  readonly display: string;
  /** The highest score over its brands. */
  readonly score: number;
  /** Highest score first. */
  readonly brands: readonly BrandMatch[];
  readonly state: TriageState;
  /** Earliest and latest `seenAt` of its sightings (ISO 8601, as the feeds gave them). */
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** How many distinct sightings. */
  readonly sightings: number;
}

/**
 * One time a name under the finding's domain was seen. Identity is (source, name, position):
 * recording it again changes nothing. A sighting without a position is identified by its seenAt.
 */
export interface Sighting {
  readonly name: string;
  readonly source: string;
  readonly position: string | null;
  readonly seenAt: string;
  readonly certFingerprint: string | null;
  readonly certIssuer: string | null;
}

/** An observation about a subject (a domain, an address, a name server…); append-only, history kept. */
export interface Fact {
  readonly subject: string;
  /** What was observed, e.g. `a`, `mx`, `registrar`, `registrant_email`. */
  readonly fact: string;
  readonly value: string;
  /** When it was observed, ISO 8601 (a prefix such as `2017-04` is allowed for historical facts). */
  readonly observed: string;
  /** Where it came from: an adapter name, a report. */
  readonly source: string;
}

/** One change of a finding's triage state. */
export interface TriageEvent {
  readonly state: TriageState;
  readonly previous: TriageState;
  readonly note: string | null;
  readonly by: string | null;
  /** When the change was recorded, ISO 8601. */
  readonly at: string;
}

/** A finding with what is known about it. */
export interface FindingDetail extends Finding {
  /** Most recent last, at most `maxSightings` of them (see `finding.sightings` for the total). */
  readonly sightingList: readonly Sighting[];
  /** Facts whose subject is the finding's domain, oldest observation first. */
  readonly facts: readonly Fact[];
  /** Oldest first. */
  readonly triage: readonly TriageEvent[];
}

/** A batch of hits and, optionally, how far the feed has got: written together or not at all. */
export interface Batch {
  readonly hits: readonly SightedHit[];
  /** e.g. `{ key: 'ct:navigli2025h2', value: '1023' }`: the last position fully processed. */
  readonly checkpoint?: { readonly key: string; readonly value: string };
}

export interface BatchResult {
  /** Findings that did not exist before this batch, as they stand after it: alert on these once. */
  readonly newFindings: readonly Finding[];
  /** Sightings actually added (a replayed sighting adds none). */
  readonly sightingsAdded: number;
}

export interface FindingQuery {
  readonly state?: TriageState;
  /** A brand's name (case-insensitive) or one of its domains. */
  readonly brand?: string;
  readonly minScore?: number;
  /** Only findings seen at or after this time (their lastSeen), ISO 8601. */
  readonly since?: string;
  /** Default 1000. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface StoreCounts {
  readonly findings: number;
  readonly sightings: number;
  readonly facts: number;
  readonly byState: Readonly<Record<TriageState, number>>;
}

export interface Store {
  /** Same as `recordBatch({ hits })`. */
  recordHits(hits: readonly SightedHit[]): Promise<BatchResult>;
  /** Writes the hits and the checkpoint in one transaction; rejects (writing nothing) if any hit is invalid. */
  recordBatch(batch: Batch): Promise<BatchResult>;
  getCheckpoint(key: string): Promise<string | null>;

  /** Changes the triage state and keeps the change in the history. Null when no such finding. */
  setTriage(domain: string, state: TriageState, note?: string, by?: string): Promise<TriageEvent | null>;

  /** Appends facts, skipping exact repeats (same five fields); resolves to how many were new. */
  addFacts(facts: readonly Fact[]): Promise<number>;
  /** Every fact about the subject, oldest observation first. */
  factsFor(subject: string): Promise<readonly Fact[]>;

  /** Highest score first, then most recently seen. */
  listFindings(query?: FindingQuery): Promise<readonly Finding[]>;
  /** The finding of a registrable domain (any case, Unicode or punycode), or null. */
  getFinding(domain: string, options?: { readonly maxSightings?: number }): Promise<FindingDetail | null>;
  counts(): Promise<StoreCounts>;

  close(): Promise<void>;
}

/** The triage states, in the order they are shown. */
export const TRIAGE_STATES: readonly TriageState[] = ['new', 'confirmed', 'benign', 'taken-down'];

export function isTriageState(value: unknown): value is TriageState {
  return typeof value === 'string' && (TRIAGE_STATES as readonly string[]).includes(value);
}
