/**
 * Which feeds a watcher follows, each opened at its stored checkpoint. CT logs are followed when a log
 * option is given (`logs` or `logList`), or when no source at all is given (then the shipped log list);
 * naming only files or a certstream URL reads just those.
 */
import { certstreamCheckpointKey, certstreamFeed } from './certstream.js';
import { ctCheckpointKey, ctFeed, ctHeadKey, parseStoredHead, resumeIndex } from './ct/feed.js';
import { LogHttp } from './ct/http.js';
import type { LogInfo } from './ct/loglist.js';
import { describeLog, loadLogList, openReader } from './ct/logs.js';
import type { Feed } from './feed.js';
import { openFileFeed, type CheckpointSource, type FileFeedSpec } from './file-feeds.js';

export interface WatchSources {
  /** `--log URL`s. */
  readonly logs: readonly string[];
  /** `--log-list FILE|URL`; undefined when not given. */
  readonly logList: string | undefined;
  /** The list used when no source is named at all. */
  readonly defaultLogList: string;
  readonly files: readonly FileFeedSpec[];
  readonly certstreams: readonly string[];
}

export interface OpenOptions {
  readonly once: boolean;
  readonly pollMs: number;
  readonly minIntervalMs: number;
  readonly warn: (message: string) => void;
  readonly signal: AbortSignal;
  readonly checkpoints: CheckpointSource;
  /** Read tiled logs' names tiles instead of data tiles where served (no certificate details). */
  readonly namesTiles?: boolean;
  /** A log with no stored checkpoint starts at its current head instead of entry 0. */
  readonly startAtHead?: boolean;
}

/** True when CT logs are to be followed: a log option is given, or nothing at all is. */
export function followsLogs(s: WatchSources): boolean {
  return s.logs.length > 0 || s.logList !== undefined || (s.files.length === 0 && s.certstreams.length === 0);
}

async function chooseLogs(s: WatchSources, http: LogHttp, warn: (m: string) => void): Promise<LogInfo[] | string> {
  const explicit = s.logs;
  const list = explicit.length > 0 && s.logList === undefined ? { ok: true as const, logs: [], skipped: [] } : await loadLogList(s.logList ?? s.defaultLogList, http);
  if (!list.ok) return list.message;
  if (explicit.length === 0) {
    for (const k of list.skipped) warn(`skipping ${k.description}: ${k.reason}`);
    return [...list.logs];
  }
  return Promise.all(explicit.map((u) => describeLog(u, list.logs, http)));
}

/**
 * Opens every source; a source that cannot be opened (an unreadable file, a log without a usable key)
 * is warned about and left out. Fails only when the log list itself cannot be read, or nothing is left.
 */
export async function openWatchFeeds(s: WatchSources, o: OpenOptions): Promise<Feed[] | string> {
  const feeds: Feed[] = [];
  if (followsLogs(s)) {
    const logs = await chooseLogs(s, new LogHttp({ retries: 2 }), o.warn);
    if (typeof logs === 'string') return logs;
    for (const log of logs) {
      const reader = openReader(log, o.warn, { minIntervalMs: o.minIntervalMs }, { namesTiles: o.namesTiles === true });
      if (typeof reader === 'string') {
        o.warn(`${reader}; log skipped`);
        continue;
      }
      const trusted = parseStoredHead(await o.checkpoints.getCheckpoint(ctHeadKey(reader.name)));
      if (trusted !== undefined) reader.trust(trusted);
      const stored = await o.checkpoints.getCheckpoint(ctCheckpointKey(reader.name));
      const from = stored === null && o.startAtHead === true ? 'head' : resumeIndex(stored);
      feeds.push(ctFeed({ reader, from, once: o.once, pollMs: o.pollMs, warn: o.warn, signal: o.signal }));
    }
  }
  for (const spec of s.files) {
    const f = await openFileFeed(spec, o.checkpoints, o.warn);
    if (typeof f === 'string') o.warn(`${f}; source skipped`);
    else {
      if (f.afterLine > 0) o.warn(`${f.source}: resuming after line ${f.afterLine}`);
      feeds.push(f.feed);
    }
  }
  for (const url of s.certstreams) {
    const resume = await o.checkpoints.getCheckpoint(certstreamCheckpointKey(url));
    feeds.push(certstreamFeed({ url, resume, once: o.once, warn: o.warn, signal: o.signal }));
  }
  return feeds.length > 0 ? feeds : 'no source to follow';
}
