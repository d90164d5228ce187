/**
 * A named group of tables with its own version. The version is the number of migration steps:
 * `sqlite[i]` takes the part from version i to version i+1. A shipped step is never edited;
 * a change to the tables is a new step appended at the end.
 */
export interface SchemaPart {
  /** Unique, stable: recorded in the database's `schema_parts` table. */
  readonly name: string;
  readonly version: number;
  /** SQLite statements per step (a PostgreSQL store adds its own field beside this one). */
  readonly sqlite: readonly string[];
}
