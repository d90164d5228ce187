import type { SchemaPart } from './part.js';

/**
 * Imported threat-actor knowledge (owned by src/intel/, see sqlite-intel-store.ts). One row per source
 * file with its import time; an import replaces every row of its source in one transaction.
 * Nodes are the things indicators name (domain, ip, url, cert…, and the actor labels and reports the
 * sources give), interned once; an edge is one indicator record: its node, tied to the actor label
 * and the report its source gave, with the source, the position in it and the time it was observed.
 */
export const intelPart: SchemaPart = {
  name: 'intel',
  version: 1,
  sqlite: [
    `CREATE TABLE intel_sources (
       id          INTEGER PRIMARY KEY,
       source      TEXT NOT NULL UNIQUE CHECK (source <> ''),
       format      TEXT NOT NULL,
       imported_at TEXT NOT NULL,
       indicators  INTEGER NOT NULL,
       actors      INTEGER NOT NULL,
       issues      INTEGER NOT NULL
     );
     CREATE TABLE intel_nodes (
       id    INTEGER PRIMARY KEY,
       kind  TEXT NOT NULL CHECK (kind <> ''),
       value TEXT NOT NULL CHECK (value <> ''),
       UNIQUE (kind, value)
     );
     CREATE TABLE intel_edges (
       source_id INTEGER NOT NULL REFERENCES intel_sources (id) ON DELETE CASCADE,
       seq       INTEGER NOT NULL,
       node_id   INTEGER NOT NULL REFERENCES intel_nodes (id),
       actor_id  INTEGER REFERENCES intel_nodes (id),
       report_id INTEGER REFERENCES intel_nodes (id),
       observed  TEXT,
       position  TEXT NOT NULL,
       PRIMARY KEY (source_id, seq)
     ) WITHOUT ROWID;
     CREATE INDEX intel_edges_node ON intel_edges (node_id);
     CREATE TABLE intel_actors (
       source_id INTEGER NOT NULL REFERENCES intel_sources (id) ON DELETE CASCADE,
       seq       INTEGER NOT NULL,
       name      TEXT NOT NULL CHECK (name <> ''),
       namespace TEXT NOT NULL,
       country   TEXT,
       position  TEXT NOT NULL,
       PRIMARY KEY (source_id, seq)
     ) WITHOUT ROWID;
     CREATE TABLE intel_aliases (
       source_id INTEGER NOT NULL,
       actor_seq INTEGER NOT NULL,
       seq       INTEGER NOT NULL,
       alias     TEXT NOT NULL,
       PRIMARY KEY (source_id, actor_seq, seq),
       FOREIGN KEY (source_id, actor_seq) REFERENCES intel_actors (source_id, seq) ON DELETE CASCADE
     ) WITHOUT ROWID;
     CREATE INDEX intel_aliases_alias ON intel_aliases (alias COLLATE NOCASE);`,
  ],
};
