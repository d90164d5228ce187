import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { TriageState } from '../engine/index.js';
import { domainKey } from './domain-key.js';
import { StoreError } from './errors.js';
import { migrate } from './migrate.js';
import { SCHEMA, type SchemaPart } from './schema/index.js';
import { SqliteReader } from './sqlite-read.js';
import { SqliteWriter } from './sqlite-write.js';
import type {
  Batch,
  BatchResult,
  Fact,
  Finding,
  FindingDetail,
  FindingQuery,
  SightedHit,
  Store,
  StoreCounts,
  TriageEvent,
} from './types.js';

/** Where the store lives when no --db is given: the current directory. */
export const DEFAULT_DB_PATH = 'squatwatch.db';

export interface SqliteStoreOptions {
  /**
   * True (default): create the file and its tables if needed. False: the file must already be a
   * squatwatch database — for commands that only read, so a mistyped path is not a new empty store.
   */
  readonly create?: boolean;
  /** The clock for recorded times (triage, facts, checkpoints); tests pass their own. */
  readonly now?: () => Date;
  /** The schema to open with (tests of migrations pass their own). */
  readonly schema?: readonly SchemaPart[];
}

/**
 * Opens (or creates) a SQLite store: WAL journal, so readers (e.g. `squatwatch findings`) run
 * beside a writer (`watch`); synchronous=NORMAL, so a process crash loses no committed batch
 * (a power cut may lose the last ones, never half of one). `:memory:` gives a private store.
 * Throws StoreError when the file is missing (create: false), not a database, or newer.
 */
export function openSqliteStore(path: string = DEFAULT_DB_PATH, options: SqliteStoreOptions = {}): Store {
  const create = options.create ?? true;
  const now = options.now ?? (() => new Date());
  if (!create && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError('missing', path, `${path}: no such database (give an existing file with --db)`);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: !create });
  } catch (e) {
    throw new StoreError('missing', path, `${path}: cannot open: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache (the default is 2 MiB), so the index pages a batch touches stay in memory as findings grow.
    db.pragma('cache_size = -65536');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.schema ?? SCHEMA, { path, create, now });
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    if ((e as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new StoreError('not-a-database', path, `${path}: not a SQLite database`);
    }
    throw e;
  }
  return new SqliteStore(db, now);
}

/** The SQLite Store; its work is synchronous underneath, its face async like every Store. */
class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly reader: SqliteReader;
  private readonly writer: SqliteWriter;

  constructor(db: Database.Database, now: () => Date) {
    this.db = db;
    this.now = now;
    this.reader = new SqliteReader(db);
    this.writer = new SqliteWriter(db);
  }

  async recordHits(hits: readonly SightedHit[]): Promise<BatchResult> {
    return this.recordBatch({ hits });
  }

  async recordBatch(batch: Batch): Promise<BatchResult> {
    return this.writer.writeBatch(batch, this.now().toISOString());
  }

  async getCheckpoint(key: string): Promise<string | null> {
    return this.reader.checkpointValue(key);
  }

  async setTriage(domain: string, state: TriageState, note?: string, by?: string): Promise<TriageEvent | null> {
    return this.writer.writeTriage(domainKey(domain), state, note ?? null, by ?? null, this.now().toISOString());
  }

  async addFacts(facts: readonly Fact[]): Promise<number> {
    return this.writer.writeFacts(facts, this.now().toISOString());
  }

  async factsFor(subject: string): Promise<readonly Fact[]> {
    return this.reader.factsFor(subject);
  }

  async listFindings(query: FindingQuery = {}): Promise<readonly Finding[]> {
    return this.reader.list(query);
  }

  async getFinding(domain: string, options: { readonly maxSightings?: number } = {}): Promise<FindingDetail | null> {
    return this.reader.findingDetail(domainKey(domain), options.maxSightings);
  }

  async counts(): Promise<StoreCounts> {
    return this.reader.counts();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
