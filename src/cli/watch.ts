/**
 * `squatwatch watch`: follow CT logs, match every name, store findings with each log's checkpoint,
 * print each new finding as a JSON line. Stopped and started again, it resumes at the checkpoints.
 */
import { parseArgs } from 'node:util';
import { DATA_DIR, formatWatchlistErrors, loadWatchlistFile, matcherOptionsFor } from '../config/index.js';
import { createMatcher } from '../engine/index.js';
import { DEFAULT_DB_PATH, openStore, type Finding } from '../store/index.js';
import { ctCheckpointKey, ctFeed, describeLog, LogHttp, loadLogList, openReader, resumeIndex, type LogInfo } from '../feeds/ct/index.js';
import { followFeeds, mergeFeeds, type Feed, type SourceStatus } from '../feeds/index.js';
import { EXIT, type CliIO, type Command } from './io.js';

const USAGE = `usage: squatwatch watch --brands FILE [--db FILE] [--log-list FILE|URL] [--log URL]... [--once]
  --brands FILE        watchlist (YAML/JSON, or one brand domain per line)
  --db FILE            SQLite store (default ${DEFAULT_DB_PATH})
  --log-list FILE|URL  CT log list v3 (default: the copy in data/ct/; the live one is
                       https://www.gstatic.com/ct/log_list/v3/log_list.json)
  --log URL            follow this log only (repeatable); RFC 6962 or static-ct-api, probed
  --once               read every log up to its current head, then exit
  --poll SECONDS       between polls of a log's head when following (default 10)
  --min-interval MS    at least this long between two requests to one log (default 100)
`;

function statusLine(status: ReadonlyMap<string, SourceStatus>, started: number): string {
  const secs = Math.max(0.001, (Date.now() - started) / 1000);
  const parts = [...status].map(([src, s]) => `${src.replace(/^ct:/, '')} ${Math.round(s.entries / secs)}/s backlog ${s.backlog} found ${s.findings}`);
  return parts.join(' | ');
}

async function chooseLogs(v: { log?: string[]; 'log-list'?: string }, http: LogHttp, io: CliIO): Promise<LogInfo[] | string> {
  const listWhere = v['log-list'] ?? `${DATA_DIR}ct/loglist3.json`;
  const explicit = v.log ?? [];
  const list = explicit.length > 0 && v['log-list'] === undefined ? { ok: true as const, logs: [], skipped: [] } : await loadLogList(listWhere, http);
  if (!list.ok) return list.message;
  if (explicit.length === 0) {
    for (const s of list.skipped) io.stderr.write(`watch: skipping ${s.description}: ${s.reason}\n`);
    return [...list.logs];
  }
  return Promise.all(explicit.map((u) => describeLog(u, list.logs, http)));
}

export const run: Command = async (argv, io) => {
  let v;
  try {
    ({ values: v } = parseArgs({
      args: [...argv],
      options: {
        brands: { type: 'string' },
        db: { type: 'string' },
        'log-list': { type: 'string' },
        log: { type: 'string', multiple: true },
        once: { type: 'boolean' },
        poll: { type: 'string' },
        'min-interval': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr.write(`watch: ${(e as Error).message}\n${USAGE}`);
    return EXIT.error;
  }
  if (v.help === true) return io.stdout.write(USAGE), EXIT.ok;
  if (v.brands === undefined) return io.stderr.write(`watch: --brands is required\n${USAGE}`), EXIT.error;
  const pollMs = Number(v.poll ?? '10') * 1000;
  const minIntervalMs = Number(v['min-interval'] ?? '100');
  if (!(pollMs >= 0) || !(minIntervalMs >= 0)) return io.stderr.write(`watch: --poll and --min-interval take a number\n`), EXIT.error;

  const wl = await loadWatchlistFile(v.brands);
  if (!wl.ok) return io.stderr.write(`${formatWatchlistErrors(wl.errors)}\n`), EXIT.error;
  const matcher = createMatcher(wl.watchlist.brands, await matcherOptionsFor(wl.watchlist));
  const warn = (m: string): void => void io.stderr.write(`watch: ${m}\n`);
  const logs = await chooseLogs(v, new LogHttp({ retries: 2 }), io);
  if (typeof logs === 'string') return io.stderr.write(`watch: ${logs}\n`), EXIT.error;
  if (logs.length === 0) return io.stderr.write('watch: no log to follow\n'), EXIT.error;

  let store;
  try {
    store = openStore(v.db ?? DEFAULT_DB_PATH);
  } catch (e) {
    return io.stderr.write(`watch: ${(e as Error).message}\n`), EXIT.error;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const feeds: Feed[] = [];
    for (const log of logs) {
      const reader = openReader(log, warn, { minIntervalMs });
      if (typeof reader === 'string') {
        warn(`${reader}; log skipped`);
        continue;
      }
      const from = resumeIndex(await store.getCheckpoint(ctCheckpointKey(reader.name)));
      feeds.push(ctFeed({ reader, from, once: v.once === true, pollMs, warn, signal: stop.signal }));
    }
    const started = Date.now();
    let shown = 0;
    const status = await followFeeds<Finding>({
      feed: mergeFeeds(feeds),
      matcher,
      sink: store,
      onNew: (f) => void io.stdout.write(`${JSON.stringify(f)}\n`),
      onBatch: (s) => {
        if (!io.interactive || Date.now() - shown < 1000) return;
        shown = Date.now();
        io.stderr.write(`\r\x1b[K${statusLine(s, started)}`);
      },
    });
    if (io.interactive) io.stderr.write('\r\x1b[K');
    let found = 0;
    for (const [src, s] of status) {
      found += s.findings;
      io.stderr.write(`watch: ${src}: ${s.entries} entries, ${s.names} names, ${s.malformed} malformed, ${s.hits} hits, ${s.findings} new findings\n`);
    }
    return found > 0 ? EXIT.found : EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await store.close();
  }
};
