import type { Database, Statement } from 'better-sqlite3';
import type { Hit, TriageState } from '../engine/index.js';
import { brandMatchOf, compareBrands, mergeBrands, parseBrands } from './brand-matches.js';
import { displayForm, domainKey } from './domain-key.js';
import { sightingKey } from './sighting-key.js';
import type { Batch, BatchResult, Fact, Finding, SightedHit, TriageEvent } from './types.js';

/** The hits of one batch that fall under one registrable domain. */
interface DomainGroup {
  readonly items: SightedHit[];
  /** Best hit per brand within the batch. */
  readonly best: Map<string, Hit>;
}

interface Added {
  readonly added: number;
  /** Span of the added sightings' times; null when none was added. */
  readonly first: string | null;
  readonly last: string | null;
}

/**
 * Every write of the SQLite store, each one transaction. A batch is grouped by registrable domain
 * first, so each finding is read and written at most once per batch however many names it holds.
 */
export class SqliteWriter {
  private readonly findingRow: Statement;
  private readonly insertFinding: Statement;
  private readonly updateFinding: Statement;
  private readonly insertSighting: Statement;
  private readonly upsertCheckpoint: Statement;
  private readonly insertFact: Statement;
  private readonly changeState: Statement;
  private readonly insertTriage: Statement;
  readonly writeBatch: (batch: Batch, now: string) => BatchResult;
  readonly writeFacts: (facts: readonly Fact[], now: string) => number;
  readonly writeTriage: (domain: string, state: TriageState, note: string | null, by: string | null, now: string) => TriageEvent | null;

  constructor(db: Database) {
    this.findingRow = db.prepare(`SELECT id, state, brands FROM findings WHERE domain = ?`);
    this.insertFinding = db.prepare(
      `INSERT INTO findings (domain, display, score, first_seen, last_seen, sightings, brands) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // A null time (no sighting added) leaves first_seen and last_seen as they were.
    this.updateFinding = db.prepare(
      `UPDATE findings SET score = ?, brands = ?,
              first_seen = min(first_seen, coalesce(?, first_seen)),
              last_seen = max(last_seen, coalesce(?, last_seen)),
              sightings = sightings + ?
        WHERE id = ?`,
    );
    this.insertSighting = db.prepare(
      `INSERT INTO sightings (finding_id, source, name, key, seen_at, cert_fingerprint, cert_issuer)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.upsertCheckpoint = db.prepare(
      `INSERT INTO checkpoints (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.insertFact = db.prepare(
      `INSERT INTO facts (subject, fact, value, observed, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.changeState = db.prepare(`UPDATE findings SET state = ? WHERE id = ?`);
    this.insertTriage = db.prepare(
      `INSERT INTO triage_events (finding_id, state, previous, note, by, at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.writeBatch = db.transaction((batch: Batch, now: string) => this.batch(batch, now));
    this.writeFacts = db.transaction((facts: readonly Fact[], now: string) => this.facts(facts, now));
    this.writeTriage = db.transaction((domain: string, state: TriageState, note: string | null, by: string | null, now: string) =>
      this.triage(domain, state, note, by, now),
    );
  }

  private batch(batch: Batch, now: string): BatchResult {
    const newFindings: Finding[] = [];
    let sightingsAdded = 0;
    for (const [domain, group] of groupByDomain(batch.hits)) sightingsAdded += this.domain(domain, group, newFindings);
    if (batch.checkpoint !== undefined) this.upsertCheckpoint.run(batch.checkpoint.key, batch.checkpoint.value, now);
    return { newFindings, sightingsAdded };
  }

  /** Adds a group's sightings and better brand matches to a known finding, or makes a new one. */
  private domain(domain: string, group: DomainGroup, out: Finding[]): number {
    const known = this.findingRow.get(domain) as { id: number; brands: string } | undefined;
    if (known === undefined) return this.newFinding(domain, group, out);
    const seen = this.sightings(known.id, group.items);
    const stored = parseBrands(known.brands, domain);
    const merged = mergeBrands(stored, group.best);
    if (merged === null && seen.added === 0) return 0;
    const score = (merged ?? stored)[0]?.score ?? 0;
    const brands = merged === null ? known.brands : JSON.stringify(merged);
    this.updateFinding.run(score, brands, seen.first, seen.last, seen.added, known.id);
    return seen.added;
  }

  /**
   * Inserted with its final values, counting every sighting of the group as new: true unless the
   * batch repeats one, or one already sits under another domain (the public suffix list moved);
   * then the count is corrected (the times still span every name of the group: each was seen).
   */
  private newFinding(domain: string, group: DomainGroup, out: Finding[]): number {
    const brands = [...group.best.values()].map(brandMatchOf).sort(compareBrands);
    const score = brands[0]?.score ?? 0;
    let first = '';
    let last = '';
    for (const { provenance: p } of group.items) {
      if (first === '' || p.seenAt < first) first = p.seenAt;
      if (p.seenAt > last) last = p.seenAt;
    }
    const display = displayForm(domain);
    const brandsJson = JSON.stringify(brands);
    const id = this.insertFinding.run(domain, display, score, first, last, group.items.length, brandsJson).lastInsertRowid;
    const seen = this.sightings(id, group.items);
    if (seen.added !== group.items.length) {
      this.updateFinding.run(score, brandsJson, null, null, seen.added - group.items.length, id);
    }
    out.push({ domain, display, score, brands, state: 'new', firstSeen: first, lastSeen: last, sightings: seen.added });
    return seen.added;
  }

  /** Inserts the sightings that are not there yet. */
  private sightings(id: number | bigint, items: readonly SightedHit[]): Added {
    let added = 0;
    let first: string | null = null;
    let last: string | null = null;
    for (const { hit, provenance: p } of items) {
      const cert = p.cert;
      const changes = this.insertSighting.run(
        id, p.source, hit.name, sightingKey(p), p.seenAt, cert?.fingerprint ?? null, cert?.issuer ?? null,
      ).changes;
      if (changes === 0) continue;
      added += 1;
      if (first === null || p.seenAt < first) first = p.seenAt;
      if (last === null || p.seenAt > last) last = p.seenAt;
    }
    return { added, first, last };
  }

  private facts(facts: readonly Fact[], now: string): number {
    let added = 0;
    for (const f of facts) added += this.insertFact.run(f.subject, f.fact, f.value, f.observed, f.source, now).changes;
    return added;
  }

  private triage(domain: string, state: TriageState, note: string | null, by: string | null, now: string): TriageEvent | null {
    const row = this.findingRow.get(domain) as { id: number; state: TriageState } | undefined;
    if (row === undefined) return null;
    this.changeState.run(state, row.id);
    this.insertTriage.run(row.id, state, row.state, note, by, now);
    return { state, previous: row.state, note, by, at: now };
  }
}

/** Groups a batch by registrable domain; a hit with a score outside [0,1] is a bug upstream and fails the batch. */
function groupByDomain(hits: readonly SightedHit[]): Map<string, DomainGroup> {
  const groups = new Map<string, DomainGroup>();
  hits.forEach((item, i) => {
    const { hit } = item;
    if (!(hit.score >= 0 && hit.score <= 1)) {
      throw new RangeError(`store: hit ${i} of the batch (${hit.name} for ${hit.brand}) has score ${hit.score}, outside [0,1]`);
    }
    const domain = domainKey(hit.domain);
    let group = groups.get(domain);
    if (group === undefined) {
      group = { items: [], best: new Map() };
      groups.set(domain, group);
    }
    // A name that imitates several brands comes as consecutive hits with one sighting.
    const previous = group.items.at(-1);
    if (previous === undefined || !sameSighting(previous, item)) group.items.push(item);
    const best = group.best.get(hit.brand);
    if (best === undefined || hit.score > best.score) group.best.set(hit.brand, hit);
  });
  return groups;
}

function sameSighting(a: SightedHit, b: SightedHit): boolean {
  return a.hit.name === b.hit.name && a.provenance.source === b.provenance.source && sightingKey(a.provenance) === sightingKey(b.provenance);
}
