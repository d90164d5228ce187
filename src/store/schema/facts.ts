import type { SchemaPart } from './part.js';

/** Observations about domains, addresses, name servers…: append-only, exact repeats skipped. */
export const factsPart: SchemaPart = {
  name: 'facts',
  version: 1,
  sqlite: [
    `CREATE TABLE facts (
       id          INTEGER PRIMARY KEY,
       subject     TEXT NOT NULL CHECK (subject <> ''),
       fact        TEXT NOT NULL CHECK (fact <> ''),
       value       TEXT NOT NULL,
       observed    TEXT NOT NULL,
       source      TEXT NOT NULL,
       recorded_at TEXT NOT NULL
     );
     CREATE UNIQUE INDEX facts_identity ON facts (subject, fact, value, observed, source);
     CREATE INDEX facts_value ON facts (fact, value);`,
  ],
};
