/**
 * What every source yields: batches of names with where they were seen, each ending at a position the
 * source can resume from. Feeds are async iterables, so reading happens only when the consumer pulls:
 * a slow matcher or store slows the reading, and memory holds at most one batch per source.
 */
import type { Name } from '../engine/index.js';

export interface FeedCheckpoint {
  /** e.g. `ct:ct.googleapis.com/logs/argon2020`, `zone:fr`. */
  readonly key: string;
  /** The last position fully processed, e.g. a leaf index or a line number. */
  readonly value: string;
}

export interface FeedBatch {
  /** The source's name for messages and the status line. */
  readonly source: string;
  readonly names: readonly Name[];
  readonly checkpoint: FeedCheckpoint;
  /** Entries (certificates, lines) read in this batch, and how many of them were malformed and skipped. */
  readonly entries: number;
  readonly malformed: number;
  /** How many entries the source knows of but has not delivered yet (a log's backlog), when known. */
  readonly backlog?: number;
}

export type Feed = AsyncIterable<FeedBatch>;

/**
 * Interleaves feeds: at most one pending pull per feed, so a fast feed cannot run ahead of the
 * consumer. A feed that ends (or fails) drops out; the others go on.
 */
export async function* mergeFeeds(feeds: readonly Feed[]): Feed {
  const its = feeds.map((f) => f[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<FeedBatch> }>>();
  const pull = (i: number): void => {
    pending.set(i, its[i]!.next().then((r) => ({ i, r })));
  };
  its.forEach((_, i) => pull(i));
  try {
    while (pending.size > 0) {
      const { i, r } = await Promise.race(pending.values());
      if (r.done === true) {
        pending.delete(i);
        continue;
      }
      yield r.value;
      pull(i);
    }
  } finally {
    await Promise.allSettled([...pending.keys()].map((i) => its[i]!.return?.()));
  }
}
