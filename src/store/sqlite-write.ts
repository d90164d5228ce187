import type { Database, Statement } from 'better-sqlite3';
import type { Hit, TriageState } from '../engine/index.js';
import { displayForm, domainKey } from './domain-key.js';
import type { Batch, Fact, SightedHit, TriageEvent } from './types.js';

/** The hits of one batch that fall under one registrable domain. */
interface DomainGroup {
  readonly items: SightedHit[];
  /** Best hit per brand within the batch. */
  readonly best: Map<string, Hit>;
}

export interface WriteOutcome {
  readonly newDomains: readonly string[];
  readonly sightingsAdded: number;
}

/**
 * Every write of the SQLite store. A batch is grouped by registrable domain first, so each
 * finding is looked up and updated once per batch however many of its names the batch holds.
 */
export class SqliteWriter {
  private readonly findingId: Statement;
  private readonly insertFinding: Statement;
  private readonly updateFinding: Statement;
  private readonly upsertBrand: Statement;
  private readonly insertSighting: Statement;
  private readonly upsertCheckpoint: Statement;
  private readonly insertFact: Statement;
  private readonly currentState: Statement;
  private readonly changeState: Statement;
  private readonly insertTriage: Statement;
  readonly writeBatch: (batch: Batch, now: string) => WriteOutcome;
  readonly writeFacts: (facts: readonly Fact[], now: string) => number;
  readonly writeTriage: (
    domain: string,
    state: TriageState,
    note: string | null,
    by: string | null,
    now: string,
  ) => TriageEvent | null;

  constructor(db: Database) {
    this.findingId = db.prepare(`SELECT id FROM findings WHERE domain = ?`).pluck();
    this.insertFinding = db.prepare(
      `INSERT INTO findings (domain, display, score, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)`,
    );
    // min/max over an absent time (null: no sighting added) keep the old value.
    this.updateFinding = db.prepare(
      `UPDATE findings SET score = max(score, ?),
              first_seen = min(first_seen, coalesce(?, first_seen)),
              last_seen = max(last_seen, coalesce(?, last_seen)),
              sightings = sightings + ?
        WHERE id = ?`,
    );
    this.upsertBrand = db.prepare(
      `INSERT INTO finding_brands (finding_id, brand, brand_domain, score, techniques, reasons)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (finding_id, brand) DO UPDATE SET
         brand_domain = excluded.brand_domain, score = excluded.score,
         techniques = excluded.techniques, reasons = excluded.reasons
       WHERE excluded.score > finding_brands.score`,
    );
    this.insertSighting = db.prepare(
      `INSERT INTO sightings (finding_id, name, source, position, seen_at, cert_fingerprint, cert_issuer)
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
    this.currentState = db.prepare(`SELECT id, state FROM findings WHERE domain = ?`);
    this.changeState = db.prepare(`UPDATE findings SET state = ? WHERE id = ?`);
    this.insertTriage = db.prepare(
      `INSERT INTO triage_events (finding_id, state, previous, note, by, at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.writeBatch = db.transaction((batch: Batch, now: string) => this.batch(batch, now));
    this.writeFacts = db.transaction((facts: readonly Fact[], now: string) => this.facts(facts, now));
    this.writeTriage = db.transaction(
      (domain: string, state: TriageState, note: string | null, by: string | null, now: string) =>
        this.triage(domain, state, note, by, now),
    );
  }

  private batch(batch: Batch, now: string): WriteOutcome {
    const newDomains: string[] = [];
    let sightingsAdded = 0;
    for (const [domain, group] of groupByDomain(batch.hits)) {
      const added = this.domain(domain, group, newDomains);
      sightingsAdded += added;
    }
    if (batch.checkpoint !== undefined) {
      this.upsertCheckpoint.run(batch.checkpoint.key, batch.checkpoint.value, now);
    }
    return { newDomains, sightingsAdded };
  }

  /** Records one domain's group; returns the number of sightings added. */
  private domain(domain: string, group: DomainGroup, newDomains: string[]): number {
    let score = 0;
    for (const hit of group.best.values()) score = Math.max(score, hit.score);
    let id = this.findingId.get(domain) as number | bigint | undefined;
    if (id === undefined) {
      // Seen times start at the first sighting's and widen below as sightings are added.
      const seenAt = group.items[0]?.provenance.seenAt ?? '';
      id = this.insertFinding.run(domain, displayForm(domain), score, seenAt, seenAt).lastInsertRowid;
      newDomains.push(domain);
    }
    let added = 0;
    let first: string | null = null;
    let last: string | null = null;
    for (const { hit, provenance: p } of group.items) {
      const cert = p.cert;
      const changes = this.insertSighting.run(
        id, hit.name, p.source, p.position ?? null, p.seenAt, cert?.fingerprint ?? null, cert?.issuer ?? null,
      ).changes;
      if (changes === 0) continue;
      added += 1;
      if (first === null || p.seenAt < first) first = p.seenAt;
      if (last === null || p.seenAt > last) last = p.seenAt;
    }
    for (const hit of group.best.values()) {
      this.upsertBrand.run(
        id, hit.brand, hit.brandDomain, hit.score, JSON.stringify(hit.techniques), JSON.stringify(hit.reasons),
      );
    }
    this.updateFinding.run(score, first, last, added, id);
    return added;
  }

  private facts(facts: readonly Fact[], now: string): number {
    let added = 0;
    for (const f of facts) {
      added += this.insertFact.run(f.subject, f.fact, f.value, f.observed, f.source, now).changes;
    }
    return added;
  }

  private triage(
    domain: string,
    state: TriageState,
    note: string | null,
    by: string | null,
    now: string,
  ): TriageEvent | null {
    const row = this.currentState.get(domain) as { id: number; state: TriageState } | undefined;
    if (row === undefined) return null;
    this.changeState.run(state, row.id);
    this.insertTriage.run(row.id, state, row.state, note, by, now);
    return { state, previous: row.state, note, by, at: now };
  }
}

function groupByDomain(hits: readonly SightedHit[]): Map<string, DomainGroup> {
  const groups = new Map<string, DomainGroup>();
  for (const item of hits) {
    const { hit } = item;
    const domain = domainKey(hit.domain);
    let group = groups.get(domain);
    if (group === undefined) {
      group = { items: [], best: new Map() };
      groups.set(domain, group);
    }
    group.items.push(item);
    const best = group.best.get(hit.brand);
    if (best === undefined || hit.score > best.score) group.best.set(hit.brand, hit);
  }
  return groups;
}
