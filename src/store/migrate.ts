import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.js';
import type { SchemaPart } from './schema/index.js';

const PARTS_TABLE = `CREATE TABLE schema_parts (
  name        TEXT PRIMARY KEY,
  version     INTEGER NOT NULL,
  migrated_at TEXT NOT NULL
) WITHOUT ROWID`;

export interface MigrateOptions {
  /** The file, for messages. */
  readonly path: string;
  /** False: the database must already be a squatwatch database (for commands that only read). */
  readonly create: boolean;
  readonly now: () => Date;
}

/**
 * Brings the database up to the parts' versions in one immediate transaction (so two processes
 * opening the same file do not both migrate). Refuses, touching nothing, a database that holds a
 * newer version of a part or a part this code does not know, and a foreign database.
 */
export function migrate(db: Database, parts: readonly SchemaPart[], options: MigrateOptions): void {
  for (const part of parts) {
    if (part.sqlite.length !== part.version) {
      throw new Error(`schema part '${part.name}' has version ${part.version} but ${part.sqlite.length} steps`);
    }
  }
  if (upToDate(db, parts)) return;
  db.transaction(() => {
    const held = readParts(db, options);
    for (const [name, version] of held) {
      const part = parts.find((p) => p.name === name);
      if (part === undefined || version > part.version) {
        const known = part === undefined ? 'does not know this part' : `knows up to version ${part.version}`;
        throw new StoreError(
          'newer-schema',
          options.path,
          `${options.path}: the database holds schema part '${name}' at version ${version}, but this squatwatch ${known}; ` +
            `it was written by a newer squatwatch: upgrade squatwatch (or use another --db file)`,
        );
      }
    }
    const record = db.prepare(
      `INSERT INTO schema_parts (name, version, migrated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, migrated_at = excluded.migrated_at`,
    );
    for (const part of parts) {
      const from = held.get(part.name) ?? 0;
      if (from === part.version) continue;
      for (const step of part.sqlite.slice(from)) db.exec(step);
      record.run(part.name, part.version, options.now().toISOString());
    }
  }).immediate();
}

/** A read-only look first, so opening an up-to-date file never waits for a busy writer's lock. */
function upToDate(db: Database, parts: readonly SchemaPart[]): boolean {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_parts'`).get();
  if (hasTable === undefined) return false;
  const rows = db.prepare(`SELECT name, version FROM schema_parts`).all() as { name: string; version: number }[];
  return rows.length === parts.length && rows.every((r) => parts.some((p) => p.name === r.name && p.version === r.version));
}

function readParts(db: Database, options: MigrateOptions): Map<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
  if (!tables.includes('schema_parts')) {
    if (tables.length > 0 || !options.create) {
      throw new StoreError(
        'not-squatwatch',
        options.path,
        `${options.path}: not a squatwatch database (no schema_parts table${tables.length > 0 ? `; it holds ${tables.length} other table(s)` : ''})`,
      );
    }
    db.exec(PARTS_TABLE);
    return new Map();
  }
  const rows = db.prepare(`SELECT name, version FROM schema_parts`).all() as { name: string; version: number }[];
  return new Map(rows.map((r) => [r.name, r.version]));
}
