/**
 * Replays recorded input lines through the matcher into the store, in batches: the in-process pipeline at
 * its simplest, used by `squatwatch demo` (and by anything else that has its names already in hand).
 */
import type { Hit, Matcher } from '../engine/index.js';
import { namesOnLine } from '../feeds/line-names.js';
import type { Finding, SightedHit, Store } from '../store/index.js';

export interface ReplayLine {
  /** A plain name, or a certstream / CT names-tile JSON line. */
  readonly text: string;
  readonly source: string;
  readonly position: string;
  readonly seenAt: string;
}

export interface ReplayResult {
  readonly names: number;
  readonly skippedLines: number;
  readonly hits: readonly Hit[];
  readonly newFindings: readonly Finding[];
}

export async function replayLines(lines: Iterable<ReplayLine>, matcher: Matcher, store: Store, batchSize = 1000): Promise<ReplayResult> {
  let names = 0;
  let skippedLines = 0;
  const hits: Hit[] = [];
  const newFindings: Finding[] = [];
  let batch: SightedHit[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const r = await store.recordBatch({ hits: batch });
    newFindings.push(...r.newFindings);
    batch = [];
  };
  for (const line of lines) {
    const found = namesOnLine(line.text);
    if (!found.ok) {
      skippedLines++;
      continue;
    }
    for (const name of found.names) {
      names++;
      for (const hit of matcher.match(name)) {
        hits.push(hit);
        batch.push({ hit, provenance: { source: line.source, position: line.position, seenAt: line.seenAt } });
      }
    }
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { names, skippedLines, hits, newFindings };
}
