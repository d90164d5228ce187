/**
 * The database schema, in the order its parts are created. Each part is a group of tables with
 * its own name and version (see part.ts); the `schema_parts` table records what a database holds.
 *
 * To add tables: write `schema/<group>.ts` exporting a SchemaPart, then add it to SCHEMA below —
 * one line, after the parts it references. To change a part: append a step to its `sqlite` list
 * and raise its `version`; never edit a step that has shipped. Older databases are migrated on
 * open; a database written by newer code is refused with a message saying so.
 */
import { checkpointsPart } from './checkpoints.js';
import { factsPart } from './facts.js';
import { findingsPart } from './findings.js';
import { intelPart } from './intel.js';
import type { SchemaPart } from './part.js';
import { triagePart } from './triage.js';

export type { SchemaPart } from './part.js';

export const SCHEMA: readonly SchemaPart[] = [
  findingsPart,
  triagePart,
  checkpointsPart,
  factsPart,
  intelPart,
];
