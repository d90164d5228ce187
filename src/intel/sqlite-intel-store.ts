/**
 * The IntelStore in SQLite, in the same database file as findings and facts (tables in
 * src/store/schema/intel.ts). An import replaces its source's rows in one immediate transaction:
 * importing a file twice changes nothing, and a failure half-way leaves the previous import whole.
 * Reading back walks the tables in storage order with raw rows and interned node arrays, so the
 * full maltrail set (~300k indicators) loads in well under a second (bench/attribute.ts).
 */
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStoreOptions } from '../store/index.js';
import { type ImportSummary, type IntelStore, summarise } from './intel-store.js';
import type { ActorRecord, ImportBatch, ImportFormat, Indicator, NodeKind } from './types.js';

/** One row of `intel_sources`: what was imported from where, and when. */
export interface SourceRecord {
  readonly source: string;
  readonly format: ImportFormat;
  readonly importedAt: string;
  readonly indicators: number;
  readonly actors: number;
  readonly issues: number;
}

type SourceRow = [id: number, source: string, format: ImportFormat];
type EdgeRow = [sourceId: number, node: number, actor: number | null, report: number | null, observed: string | null, position: string];
type ActorRow = [sourceId: number, seq: number, name: string, namespace: string, country: string | null, position: string];
type AliasRow = [sourceId: number, actorSeq: number, alias: string];

export class SqliteIntelStore implements IntelStore {
  /** `kind\0value` → node id; ids never change (nodes are never deleted), so the cache stays right. */
  private readonly nodeIds = new Map<string, number>();
  private readonly upsertNode: Database.Statement;
  private readonly insertEdge: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.upsertNode = db.prepare(
      `INSERT INTO intel_nodes (kind, value) VALUES (?, ?) ON CONFLICT (kind, value) DO UPDATE SET kind = excluded.kind RETURNING id`,
    );
    this.insertEdge = db.prepare(
      `INSERT INTO intel_edges (source_id, seq, node_id, actor_id, report_id, observed, position) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  async putBatch(batch: ImportBatch): Promise<ImportSummary> {
    return this.write(batch);
  }

  /** The synchronous body of putBatch, one transaction: a throw anywhere rolls the whole source back. */
  write(batch: ImportBatch): ImportSummary {
    const db = this.db;
    const run = db.transaction((): boolean => {
      const deleted = db.prepare(`DELETE FROM intel_sources WHERE source = ?`).run(batch.source).changes > 0;
      const sourceId = Number(
        db
          .prepare(`INSERT INTO intel_sources (source, format, imported_at, indicators, actors, issues) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(batch.source, batch.format, this.now().toISOString(), batch.indicators.length, batch.actors.length, batch.issues.length).lastInsertRowid,
      );
      batch.indicators.forEach((ind, seq) => this.writeIndicator(sourceId, seq, ind));
      this.writeActors(sourceId, batch.actors);
      return !deleted;
    });
    try {
      return summarise(batch, run.immediate());
    } catch (e) {
      // ids handed out inside the rolled-back transaction no longer exist
      this.nodeIds.clear();
      throw e;
    }
  }

  private node(kind: NodeKind, value: string): number {
    const key = `${kind}\u0000${value}`;
    let id = this.nodeIds.get(key);
    if (id === undefined) {
      id = (this.upsertNode.get(kind, value) as { id: number }).id;
      this.nodeIds.set(key, id);
    }
    return id;
  }

  private writeIndicator(sourceId: number, seq: number, ind: Indicator): void {
    const actor = ind.actor === undefined || ind.actor === '' ? null : this.node('actor', ind.actor);
    const report = ind.report === undefined || ind.report === '' ? null : this.node('report', ind.report);
    this.insertEdge.run(sourceId, seq, this.node(ind.kind, ind.value), actor, report, ind.observed ?? null, ind.origin.position);
  }

  private writeActors(sourceId: number, actors: readonly ActorRecord[]): void {
    const actor = this.db.prepare(`INSERT INTO intel_actors (source_id, seq, name, namespace, country, position) VALUES (?, ?, ?, ?, ?, ?)`);
    const alias = this.db.prepare(`INSERT INTO intel_aliases (source_id, actor_seq, seq, alias) VALUES (?, ?, ?, ?)`);
    actors.forEach((a, seq) => {
      actor.run(sourceId, seq, a.name, a.namespace, a.country ?? null, a.origin.position);
      a.synonyms.forEach((s, i) => alias.run(sourceId, seq, i, s));
    });
  }

  async batches(): Promise<ImportBatch[]> {
    return this.readBatches();
  }

  /** Every stored batch, in import order, each indicator with its file and position. */
  readBatches(): ImportBatch[] {
    const db = this.db;
    const kinds: NodeKind[] = [];
    const values: string[] = [];
    for (const [id, kind, value] of db.prepare(`SELECT id, kind, value FROM intel_nodes`).raw().iterate() as IterableIterator<[number, NodeKind, string]>) {
      kinds[id] = kind;
      values[id] = value;
    }
    const sources = db.prepare(`SELECT id, source, format FROM intel_sources ORDER BY id`).raw().all() as SourceRow[];
    const byId = new Map(sources.map(([id, source, format]) => [id, { source, format, indicators: [] as Indicator[], actors: [] as ActorRecord[] }]));
    const edges = db.prepare(`SELECT source_id, node_id, actor_id, report_id, observed, position FROM intel_edges ORDER BY source_id, seq`).raw();
    for (const [sid, node, actor, report, observed, position] of edges.iterate() as IterableIterator<EdgeRow>) {
      const b = byId.get(sid);
      if (b === undefined) continue;
      const ind: { -readonly [K in keyof Indicator]: Indicator[K] } = {
        kind: kinds[node] as Indicator['kind'],
        value: values[node] as string,
        origin: { source: b.source, position },
      };
      if (actor !== null) ind.actor = values[actor] as string;
      if (report !== null) ind.report = values[report] as string;
      if (observed !== null) ind.observed = observed;
      b.indicators.push(ind);
    }
    const aliases = new Map<string, string[]>();
    for (const [sid, seq, alias] of db.prepare(`SELECT source_id, actor_seq, alias FROM intel_aliases ORDER BY source_id, actor_seq, seq`).raw().iterate() as IterableIterator<AliasRow>) {
      const key = `${sid}:${seq}`;
      const list = aliases.get(key);
      if (list === undefined) aliases.set(key, [alias]);
      else list.push(alias);
    }
    for (const [sid, seq, name, namespace, country, position] of db.prepare(`SELECT source_id, seq, name, namespace, country, position FROM intel_actors ORDER BY source_id, seq`).raw().iterate() as IterableIterator<ActorRow>) {
      const b = byId.get(sid);
      if (b === undefined) continue;
      const synonyms = aliases.get(`${sid}:${seq}`) ?? [];
      b.actors.push({ name, synonyms, namespace, origin: { source: b.source, position }, ...(country === null ? {} : { country }) });
    }
    return [...byId.values()].map((b) => ({ ...b, issues: [] }));
  }

  /** The imported sources, oldest import first. */
  async sources(): Promise<SourceRecord[]> {
    const rows = this.db.prepare(`SELECT source, format, imported_at AS importedAt, indicators, actors, issues FROM intel_sources ORDER BY id`).all();
    return rows as SourceRecord[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens the intel tables of a squatwatch database. The store module creates and migrates the file
 * (so the schema has one owner); this store then keeps its own connection to it.
 * Throws the store's StoreError when the file is missing (create: false), foreign or newer.
 */
export async function openSqliteIntelStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteIntelStore> {
  if (path === ':memory:') throw new Error('the intel store needs a database file; :memory: would be a second, empty database');
  await (openSqliteStore(path, options)).close();
  const db = new Database(path, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return new SqliteIntelStore(db, options.now);
}
