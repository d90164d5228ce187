import type { SchemaPart } from './part.js';

/**
 * Findings with their sightings. Writes are the hot path, so each finding carries its best hit per
 * brand as a JSON array (read and written with the finding: no extra row per brand), and nothing
 * is indexed for listing (score, time, brand): a list scans findings, which stay few (one per
 * lookalike domain). Foreign keys are declared for the reader of this schema; the store's own
 * writer keeps them (SQLite does not enforce them by default; enforcing them cost about a third
 * of the insert speed when measured).
 */
export const findingsPart: SchemaPart = {
  name: 'findings',
  version: 1,
  sqlite: [
    `CREATE TABLE findings (
       id          INTEGER PRIMARY KEY,
       domain      TEXT NOT NULL UNIQUE CHECK (domain <> ''),
       display     TEXT NOT NULL,
       score       REAL NOT NULL CHECK (score >= 0 AND score <= 1),
       state       TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'confirmed', 'benign', 'taken-down')),
       first_seen  TEXT NOT NULL,
       last_seen   TEXT NOT NULL,
       sightings   INTEGER NOT NULL DEFAULT 0,
       -- [{brand, brandDomain, score, techniques, reasons}], highest score first
       brands      TEXT NOT NULL CHECK (json_valid(brands))
     );
     -- One row per time a name was seen; key is what makes it the same sighting when a feed
     -- replays it: 'p' || position, or 't' || seen_at when the feed gives no position.
     CREATE TABLE sightings (
       finding_id  INTEGER NOT NULL REFERENCES findings (id),
       source      TEXT NOT NULL,
       name        TEXT NOT NULL CHECK (name <> ''),
       key         TEXT NOT NULL,
       seen_at     TEXT NOT NULL,
       cert_fingerprint TEXT,
       cert_issuer TEXT,
       PRIMARY KEY (finding_id, source, name, key)
     ) WITHOUT ROWID;`,
  ],
};
