import type { SchemaPart } from './part.js';

/** Findings, the best hit per brand of each, and their sightings. */
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
       sightings   INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX findings_score ON findings (score DESC, last_seen DESC);
     CREATE INDEX findings_last_seen ON findings (last_seen);
     CREATE TABLE finding_brands (
       finding_id   INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
       brand        TEXT NOT NULL CHECK (brand <> ''),
       brand_domain TEXT NOT NULL,
       score        REAL NOT NULL CHECK (score >= 0 AND score <= 1),
       techniques   TEXT NOT NULL,
       reasons      TEXT NOT NULL,
       PRIMARY KEY (finding_id, brand)
     ) WITHOUT ROWID;
     CREATE INDEX finding_brands_brand ON finding_brands (brand COLLATE NOCASE);
     CREATE INDEX finding_brands_brand_domain ON finding_brands (brand_domain);
     CREATE TABLE sightings (
       id          INTEGER PRIMARY KEY,
       finding_id  INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
       name        TEXT NOT NULL CHECK (name <> ''),
       source      TEXT NOT NULL,
       position    TEXT,
       seen_at     TEXT NOT NULL,
       cert_fingerprint TEXT,
       cert_issuer TEXT
     );
     -- A replayed sighting is the same sighting: without a position, its time stands for one.
     CREATE UNIQUE INDEX sightings_identity ON sightings (source, name, coalesce(position, '@' || seen_at));
     CREATE INDEX sightings_finding ON sightings (finding_id, seen_at);`,
  ],
};
