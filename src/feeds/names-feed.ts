/**
 * Line-based sources (zone files, zone diffs, newly-registered-domain lists) as Feeds: names in batches,
 * the checkpoint being the last line read, so a restart skips what was already stored.
 */
import { NAME_ERROR_TEXT, parseName, type Name } from '../engine/index.js';
import type { Feed, FeedBatch } from './feed.js';
import { readLineBatches } from './lines.js';

export interface LineName {
  readonly name: string;
  readonly line: number;
}

/** Counts problems between batches so each batch reports its own. */
export class ProblemCounter {
  count = 0;
  constructor(private readonly warn: (message: string) => void) {}
  readonly report = (p: { readonly message: string }): void => {
    this.count++;
    this.warn(p.message);
  };
}

/**
 * A newly-registered-domain list: one name per line, `#` comments; anything else is a problem. Read in batches
 * of lines (one promise per batch, not per line) with a bound on a line's length, as zone files are.
 */
export async function* listNames(path: string, onProblem: (p: { line: number; message: string }) => void): AsyncIterable<LineName> {
  for await (const batch of readLineBatches(path)) {
    for (const line of batch.tooLong) onProblem({ line, message: `${path}: line ${line}: line too long, skipped` });
    for (let i = 0; i < batch.lines.length; i++) {
      const text = batch.lines[i] ?? '';
      const line = batch.firstLine + i;
      const t = text.trim().toLowerCase().replace(/\.$/, '');
      if (t === '' || t.startsWith('#')) continue;
      // The engine's own parser decides, so the feed refuses exactly what the matcher would.
      const parsed = parseName(t);
      if (!parsed.ok) {
        onProblem({ line, message: `${path}: line ${line}: not a domain name (${NAME_ERROR_TEXT[parsed.error]}): ${JSON.stringify(text.slice(0, 80))}` });
        continue;
      }
      yield { name: t, line };
    }
  }
}

export interface NamesFeedOptions {
  /** e.g. `zone:fr`, `nrd:2024-05-01.txt`: the provenance source (and the checkpoint key unless `checkpointKey` is given). */
  readonly source: string;
  /** The key the line checkpoint is stored under; defaults to `source`. */
  readonly checkpointKey?: string;
  readonly items: AsyncIterable<LineName>;
  readonly problems: ProblemCounter;
  /** Lines up to this one were processed before (the stored checkpoint), or 0. */
  readonly afterLine?: number;
  readonly batchSize?: number;
  /** When the names were seen (the file's date); ISO 8601. */
  readonly seenAt: string;
}

export async function* namesFeed(o: NamesFeedOptions): Feed {
  const size = o.batchSize ?? 1000;
  const after = o.afterLine ?? 0;
  let names: Name[] = [];
  let lastLine = after;
  let problemsBefore = o.problems.count;
  const key = o.checkpointKey ?? o.source;
  const flush = (): FeedBatch => {
    const b: FeedBatch = { source: o.source, names, checkpoint: { key, value: String(lastLine) }, entries: names.length, malformed: o.problems.count - problemsBefore };
    names = [];
    problemsBefore = o.problems.count;
    return b;
  };
  for await (const item of o.items) {
    if (item.line <= after) continue;
    names.push({ name: item.name, provenance: { source: o.source, position: String(item.line), seenAt: o.seenAt } });
    lastLine = item.line;
    if (names.length >= size) yield flush();
  }
  if (names.length > 0 || o.problems.count > problemsBefore) yield flush();
}
