import type { SchemaPart } from './part.js';

/** How far each feed has got, written in the same transaction as the hits it produced. */
export const checkpointsPart: SchemaPart = {
  name: 'checkpoints',
  version: 1,
  sqlite: [
    `CREATE TABLE checkpoints (
       key         TEXT PRIMARY KEY,
       value       TEXT NOT NULL,
       updated_at  TEXT NOT NULL
     ) WITHOUT ROWID;`,
  ],
};
