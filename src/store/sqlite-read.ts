import type { Database, Statement } from 'better-sqlite3';
import type { TriageState } from '../engine/index.js';
import type {
  Fact,
  Finding,
  FindingDetail,
  FindingQuery,
  Sighting,
  StoreCounts,
  TriageEvent,
} from './types.js';
import { isTriageState, TRIAGE_STATES } from './types.js';
import { parseBrands } from './brand-matches.js';
import { positionOf } from './sighting-key.js';

const FINDING_COLUMNS = `f.id, f.domain, f.display, f.score, f.state, f.first_seen, f.last_seen, f.sightings, f.brands`;

interface FindingRow {
  id: number;
  domain: string;
  display: string;
  score: number;
  state: string;
  first_seen: string;
  last_seen: string;
  sightings: number;
  brands: string;
}

const DEFAULT_LIMIT = 1000;
const DEFAULT_MAX_SIGHTINGS = 1000;

/** Every read of the SQLite store; statements prepared once (list filters: once per combination). */
export class SqliteReader {
  private readonly db: Database;
  private readonly byDomain: Statement;
  private readonly sightings: Statement;
  private readonly facts: Statement;
  private readonly triage: Statement;
  private readonly checkpoint: Statement;
  private readonly lists = new Map<string, Statement>();

  constructor(db: Database) {
    this.db = db;
    this.byDomain = db.prepare(`SELECT ${FINDING_COLUMNS} FROM findings f WHERE f.domain = ?`);
    this.sightings = db.prepare(
      `SELECT name, source, key, seen_at, cert_fingerprint, cert_issuer FROM sightings
        WHERE finding_id = ? ORDER BY seen_at DESC, source DESC, name DESC, key DESC LIMIT ?`,
    );
    this.facts = db.prepare(
      `SELECT subject, fact, value, observed, source FROM facts WHERE subject = ? ORDER BY observed, id`,
    );
    this.triage = db.prepare(
      `SELECT state, previous, note, by, at FROM triage_events WHERE finding_id = ? ORDER BY id`,
    );
    this.checkpoint = db.prepare(`SELECT value FROM checkpoints WHERE key = ?`).pluck();
  }

  findingDetail(domain: string, maxSightings = DEFAULT_MAX_SIGHTINGS): FindingDetail | null {
    const row = this.byDomain.get(domain) as FindingRow | undefined;
    if (row === undefined) return null;
    const sightings = (this.sightings.all(row.id, maxSightings) as SightingRow[]).map(toSighting).reverse();
    return {
      ...toFinding(row),
      sightingList: sightings,
      facts: this.factsFor(domain),
      triage: (this.triage.all(row.id) as TriageRow[]).map(toTriageEvent),
    };
  }

  factsFor(subject: string): Fact[] {
    return this.facts.all(subject) as Fact[];
  }

  checkpointValue(key: string): string | null {
    const value = this.checkpoint.get(key) as string | undefined;
    return value ?? null;
  }

  list(query: FindingQuery): Finding[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.state !== undefined) {
      where.push('f.state = ?');
      params.push(query.state);
    }
    if (query.brand !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM json_each(f.brands) b
                   WHERE b.value ->> 'brand' = ? COLLATE NOCASE OR b.value ->> 'brandDomain' = ?)`);
      params.push(query.brand, query.brand.toLowerCase());
    }
    if (query.minScore !== undefined) {
      where.push('f.score >= ?');
      params.push(query.minScore);
    }
    if (query.since !== undefined) {
      where.push('f.last_seen >= ?');
      params.push(query.since);
    }
    const sql = `SELECT ${FINDING_COLUMNS} FROM findings f
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY f.score DESC, f.last_seen DESC, f.domain LIMIT ? OFFSET ?`;
    let statement = this.lists.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.lists.set(sql, statement);
    }
    params.push(query.limit ?? DEFAULT_LIMIT, query.offset ?? 0);
    return (statement.all(...params) as FindingRow[]).map(toFinding);
  }

  counts(): StoreCounts {
    const count = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
    const byState = Object.fromEntries(TRIAGE_STATES.map((s) => [s, 0])) as Record<TriageState, number>;
    const rows = this.db.prepare(`SELECT state, count(*) AS n FROM findings GROUP BY state`).all() as {
      state: string;
      n: number;
    }[];
    for (const r of rows) if (isTriageState(r.state)) byState[r.state] = r.n;
    return {
      findings: count(`SELECT count(*) FROM findings`),
      sightings: count(`SELECT count(*) FROM sightings`),
      facts: count(`SELECT count(*) FROM facts`),
      byState,
    };
  }
}

interface SightingRow {
  name: string;
  source: string;
  key: string;
  seen_at: string;
  cert_fingerprint: string | null;
  cert_issuer: string | null;
}

interface TriageRow {
  state: string;
  previous: string;
  note: string | null;
  by: string | null;
  at: string;
}

function toFinding(row: FindingRow): Finding {
  return {
    domain: row.domain,
    display: row.display,
    score: row.score,
    brands: parseBrands(row.brands, row.domain),
    state: stateOf(row.state, row.domain),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    sightings: row.sightings,
  };
}

function toSighting(row: SightingRow): Sighting {
  return {
    name: row.name,
    source: row.source,
    position: positionOf(row.key),
    seenAt: row.seen_at,
    certFingerprint: row.cert_fingerprint,
    certIssuer: row.cert_issuer,
  };
}

function toTriageEvent(row: TriageRow): TriageEvent {
  return {
    state: stateOf(row.state, 'triage'),
    previous: stateOf(row.previous, 'triage'),
    note: row.note,
    by: row.by,
    at: row.at,
  };
}

function stateOf(value: string, where: string): TriageState {
  if (!isTriageState(value)) throw new Error(`store: ${where} has unknown triage state '${value}'`);
  return value;
}
