/**
 * A CT log as a Feed: from a resume position up to the head (then, unless `once`, polling for more),
 * one batch per tile or get-entries answer, each with its checkpoint. A log that answers garbage is
 * reported and paused (or, with `once`, dropped) without stopping the other feeds.
 */
import type { Feed, FeedBatch } from '../feed.js';
import type { BadEntry, CtLogReader, TreeHead } from './reader.js';
import { namesOfEntries, namesOfNamed } from './names.js';

export interface CtFeedOptions {
  readonly reader: CtLogReader;
  /**
   * First leaf index to read (the checkpoint's value + 1 when resuming), or `head`: start at the log's
   * current size, storing that as the checkpoint at once so a restart continues from there.
   */
  readonly from: number | 'head';
  /** Read up to the current head, then end. */
  readonly once: boolean;
  /** Between two polls of the head when following, and after a failure. */
  readonly pollMs?: number;
  readonly warn: (message: string) => void;
  readonly signal?: AbortSignal;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function ctCheckpointKey(logName: string): string {
  return `ct:${logName}`;
}

/** Where the last verified head of a log is kept, so the next run checks the log still extends it. */
export function ctHeadKey(logName: string): string {
  return `ct-head:${logName}`;
}

/** A stored head, `<size> <base64 root>`; undefined when absent or unreadable. */
export function parseStoredHead(value: string | null): TreeHead | undefined {
  const m = value === null ? null : /^(\d+) ([A-Za-z0-9+/]{43}=)$/.exec(value);
  if (m === null) return undefined;
  const size = Number(m[1]);
  return Number.isSafeInteger(size) ? { size, root: Buffer.from(m[2]!, 'base64') } : undefined;
}

/** The first index to read given a stored checkpoint value (the last index processed). */
export function resumeIndex(value: string | null): number {
  if (value === null) return 0;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= -1 ? n + 1 : 0;
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function* ctFeed(o: CtFeedOptions): Feed {
  const { reader, warn } = o;
  const source = ctCheckpointKey(reader.name);
  const sleep = o.sleep ?? defaultSleep;
  const pollMs = o.pollMs ?? 10_000;
  const aborted = (): boolean => o.signal?.aborted === true;
  let pos = o.from === 'head' ? undefined : o.from;
  let storedHead = '';
  while (!aborted()) {
    const head = await reader.head();
    if (!head.ok) {
      warn(`${reader.name}: ${head.message}${o.once ? '; log skipped' : `; paused ${pollMs} ms`}`);
      if (o.once) return;
      await sleep(pollMs, o.signal);
      continue;
    }
    const headValue = `${head.size} ${Buffer.from(head.root).toString('base64')}`;
    if (headValue !== storedHead) {
      // Stored like any checkpoint (no names): the next run holds the log to this head.
      storedHead = headValue;
      yield { source, names: [], checkpoint: { key: ctHeadKey(reader.name), value: headValue }, entries: 0, malformed: 0, backlog: head.size - (pos ?? head.size) };
    }
    if (pos === undefined) {
      pos = head.size;
      warn(`${reader.name}: starting at the head, entry ${pos}; the ${pos} before it are not read`);
      if (pos > 0) yield { source, names: [], checkpoint: { key: source, value: String(pos - 1) }, entries: 0, malformed: 0, backlog: 0 };
    }
    if (head.size > pos) {
      for await (const b of reader.read(pos, head.size)) {
        if ('failed' in b) {
          warn(`${b.message}${o.once ? '; log skipped' : `; paused ${pollMs} ms`}`);
          break;
        }
        const bad: BadEntry[] = [...b.bad];
        const names = namesOfEntries(source, b.entries, bad);
        if (b.named !== undefined) namesOfNamed(source, b.named, new Date().toISOString(), names);
        for (const e of bad) warn(`${reader.name}: entry ${e.index}: ${e.message}; skipped`);
        pos = b.end;
        const batch: FeedBatch = {
          source,
          names,
          checkpoint: { key: source, value: String(b.end - 1) },
          entries: b.end - b.start,
          malformed: bad.length,
          backlog: head.size - b.end,
        };
        yield batch;
        if (aborted()) return;
      }
    }
    if (o.once) return;
    await sleep(pollMs, o.signal); // caught up, or paused after a failure
  }
}
