/**
 * Where imported actor knowledge is kept. An import replaces everything earlier imported from the same
 * source (file) in one step, so importing a file twice changes nothing, a failed import leaves the
 * previous state, and an indicator published by two sources is kept once per source.
 * Implementations: MemoryIntelStore (here), SqliteIntelStore (sqlite-intel-store.ts).
 */
import type { ImportBatch } from './types.js';

export interface ImportSummary {
  readonly source: string;
  readonly format: ImportBatch['format'];
  readonly indicators: number;
  readonly actors: number;
  readonly issues: number;
  /** False when the source had been imported before and was replaced. */
  readonly added: boolean;
}

export interface IntelStore {
  /** Stores a batch, replacing any earlier batch of the same source, atomically. */
  putBatch(batch: ImportBatch): Promise<ImportSummary>;
  /** Every stored batch (issues are not kept). */
  batches(): Promise<ImportBatch[]>;
  close(): Promise<void>;
}

export class MemoryIntelStore implements IntelStore {
  private readonly bySource = new Map<string, ImportBatch>();

  async putBatch(batch: ImportBatch): Promise<ImportSummary> {
    // what the SQLite store's constraints refuse, refused here too, before anything changes
    const bad = batch.indicators.findIndex((i) => typeof i.value !== 'string' || i.value === '');
    if (bad >= 0) throw new Error(`${batch.source}: indicator ${bad} has no value; nothing stored`);
    const added = !this.bySource.has(batch.source);
    this.bySource.set(batch.source, { ...batch, issues: [] });
    return summarise(batch, added);
  }

  async batches(): Promise<ImportBatch[]> {
    return [...this.bySource.values()];
  }

  async close(): Promise<void> {}
}

export function summarise(batch: ImportBatch, added: boolean): ImportSummary {
  return { source: batch.source, format: batch.format, indicators: batch.indicators.length, actors: batch.actors.length, issues: batch.issues.length, added };
}
