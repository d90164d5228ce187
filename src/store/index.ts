export type {
  Batch,
  BatchResult,
  BrandMatch,
  Fact,
  Finding,
  FindingDetail,
  FindingQuery,
  SightedHit,
  Sighting,
  Store,
  StoreCounts,
  TriageEvent,
} from './types.js';
export { isTriageState, TRIAGE_STATES } from './types.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { DEFAULT_DB_PATH, openSqliteStore, openSqliteStore as openStore, type SqliteStoreOptions } from './sqlite.js';
export { SCHEMA, type SchemaPart } from './schema/index.js';
