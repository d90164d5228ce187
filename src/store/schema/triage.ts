import type { SchemaPart } from './part.js';

/** The history of triage decisions on findings (the current state is findings.state). */
export const triagePart: SchemaPart = {
  name: 'triage',
  version: 1,
  sqlite: [
    `CREATE TABLE triage_events (
       id          INTEGER PRIMARY KEY,
       finding_id  INTEGER NOT NULL REFERENCES findings (id),
       state       TEXT NOT NULL,
       previous    TEXT NOT NULL,
       note        TEXT,
       by          TEXT,
       at          TEXT NOT NULL
     );
     CREATE INDEX triage_events_finding ON triage_events (finding_id, id);`,
  ],
};
