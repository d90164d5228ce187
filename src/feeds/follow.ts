/**
 * Drives feeds into a matcher and a store: every name of a batch is matched, and the batch's hits are
 * written with its checkpoint in one transaction before the next batch is pulled. The store and the
 * matcher are reached through the two small interfaces below, which the engine's Matcher and the
 * store satisfy.
 */
import type { Hit, Provenance } from '../engine/index.js';
import type { Feed } from './feed.js';

export interface NameMatcher {
  match(name: string): readonly Hit[];
}

export interface FindingSink<F> {
  recordBatch(batch: {
    readonly hits: readonly { readonly hit: Hit; readonly provenance: Provenance }[];
    readonly checkpoint?: { readonly key: string; readonly value: string };
  }): Promise<{ readonly newFindings: readonly F[] }>;
}

export interface SourceStatus {
  entries: number;
  names: number;
  malformed: number;
  hits: number;
  findings: number;
  backlog: number;
}

export interface FollowOptions<F> {
  readonly feed: Feed;
  readonly matcher: NameMatcher;
  readonly sink: FindingSink<F>;
  /** Called with each finding that did not exist before, once. */
  readonly onNew: (finding: F) => void;
  /** Called after each stored batch with the per-source totals. */
  readonly onBatch?: (status: ReadonlyMap<string, SourceStatus>) => void;
}

export async function followFeeds<F>(o: FollowOptions<F>): Promise<Map<string, SourceStatus>> {
  const status = new Map<string, SourceStatus>();
  for await (const batch of o.feed) {
    const hits: { hit: Hit; provenance: Provenance }[] = [];
    for (const n of batch.names) for (const hit of o.matcher.match(n.name)) hits.push({ hit, provenance: n.provenance });
    const r = await o.sink.recordBatch({ hits, checkpoint: batch.checkpoint });
    let s = status.get(batch.source);
    if (s === undefined) status.set(batch.source, (s = { entries: 0, names: 0, malformed: 0, hits: 0, findings: 0, backlog: 0 }));
    s.entries += batch.entries;
    s.names += batch.names.length;
    s.malformed += batch.malformed;
    s.hits += hits.length;
    s.findings += r.newFindings.length;
    s.backlog = batch.backlog ?? 0;
    for (const f of r.newFindings) o.onNew(f);
    o.onBatch?.(status);
  }
  return status;
}
