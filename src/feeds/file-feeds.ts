/**
 * Files as resumable feeds: a zone file, a diff of two zone files, a newly-registered-domain list.
 * The checkpoint (the last line stored) is kept under a key that names the file's content, not just its
 * path, so tomorrow's `com.zone.gz` downloaded over today's starts from its first line instead of
 * skipping as many lines as were read yesterday.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Feed } from './feed.js';
import { listNames, namesFeed, ProblemCounter, type LineName } from './names-feed.js';
import { newlyDelegated, zoneNames } from './zone.js';

export type FileFeedKind = 'zone' | 'zone-diff' | 'nrd';

export interface FileFeedSpec {
  readonly kind: FileFeedKind;
  /** One path; for `zone-diff`, the older zone then the newer one. */
  readonly paths: readonly string[];
}

/** Where stored checkpoints are read from (the Store satisfies it). */
export interface CheckpointSource {
  getCheckpoint(key: string): Promise<string | null>;
}

export interface OpenedFileFeed {
  /** The provenance source, e.g. `zone:fr.zone.gz`, `nrd:2024-05-01.txt`, `zone-diff:fr.zone.gz`. */
  readonly source: string;
  readonly checkpointKey: string;
  /** The line the feed resumes after (0 for a file never read). */
  readonly afterLine: number;
  readonly feed: Feed;
}

const ID_BYTES = 64 * 1024;

/** A short identity of a file's content: its size and a hash of its first 64 KiB (a gzip header carries its own date). */
export async function fileIdentity(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(ID_BYTES, size));
    await fh.read(head, 0, head.length, 0);
    return createHash('sha256').update(String(size)).update(head).digest('hex').slice(0, 12);
  } finally {
    await fh.close();
  }
}

function lineAfter(value: string | null): number {
  const n = Number(value ?? '0');
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/**
 * Opens one file source: reads its identity and stored checkpoint, and returns the feed. Fails (with a
 * message naming the file) when a file cannot be read; broken lines inside are counted, warned, skipped.
 */
export async function openFileFeed(spec: FileFeedSpec, checkpoints: CheckpointSource, warn: (m: string) => void, batchSize?: number): Promise<OpenedFileFeed | string> {
  const last = spec.paths[spec.paths.length - 1];
  if (last === undefined || (spec.kind === 'zone-diff') !== (spec.paths.length === 2)) return `${spec.kind}: wrong number of files (${spec.paths.length})`;
  let ids: string[];
  let mtime: Date;
  try {
    ids = await Promise.all(spec.paths.map(fileIdentity));
    mtime = (await stat(last)).mtime;
  } catch (e) {
    return `${spec.paths.join(', ')}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  }
  const source = `${spec.kind}:${basename(last)}`;
  const checkpointKey = `${source}@${ids.join('..')}`;
  const afterLine = lineAfter(await checkpoints.getCheckpoint(checkpointKey));
  const problems = new ProblemCounter(warn);
  // Lines already stored were judged before: their problems are not reported twice.
  const report = (p: { line: number; message: string; file?: string }): void => {
    if (p.file !== undefined && p.file !== last) {
      if (afterLine === 0) problems.report({ message: `${p.file}: ${p.message}` });
    }
    else if (p.line > afterLine) problems.report(p.file === undefined && spec.kind === 'nrd' ? p : { message: `${last}: ${p.message}` });
  };
  const items: AsyncIterable<LineName> =
    spec.kind === 'nrd' ? listNames(last, report) : spec.kind === 'zone' ? zoneNames(last, report) : newlyDelegated(spec.paths[0]!, last, report);
  const feed = namesFeed({ source, checkpointKey, items, problems, afterLine, seenAt: mtime.toISOString(), ...(batchSize === undefined ? {} : { batchSize }) });
  return { source, checkpointKey, afterLine, feed };
}
