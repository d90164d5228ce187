/**
 * `squatwatch watch`: follow CT logs, zone files, newly-registered lists and certstream, match every
 * name, store findings with each source's checkpoint, print each new finding as a JSON line. Stopped
 * and started again, it resumes at the checkpoints.
 */
import { parseArgs } from 'node:util';
import { DATA_DIR, formatWatchlistErrors, loadWatchlistFile, matcherOptionsFor } from '../config/index.js';
import { createMatcher } from '../engine/index.js';
import { DEFAULT_DB_PATH, openStore, type Finding } from '../store/index.js';
import { followFeeds, mergeFeeds, openWatchFeeds, type FileFeedSpec, type SourceStatus } from '../feeds/index.js';
import { EXIT, type Command } from './io.js';
import { startWatchEnrichment } from './watch-enrich.js';

const USAGE = `usage: squatwatch watch --brands FILE [--db FILE] [SOURCES...] [--once]
  --brands FILE        watchlist (YAML/JSON, or one brand domain per line)
  --db FILE            SQLite store (default ${DEFAULT_DB_PATH})
sources (each resumes at its own checkpoint in the store):
  --log-list FILE|URL  CT log list v3 (default: the copy in data/ct/; the live one is
                       https://www.gstatic.com/ct/log_list/v3/log_list.json)
  --log URL            follow this CT log (repeatable); RFC 6962 or static-ct-api, probed
  --start-at-head      a log never read before starts at its current head, not at entry 0
                       (live logs hold hundreds of millions of entries)
  --names-tiles        read static-ct-api names tiles where a log serves them, data tiles elsewhere:
                       less to fetch and parse, but sightings carry no certificate fingerprint,
                       issuer or validity, and the names are not checked against the Merkle tree
  --zone FILE          a zone file (CZDS master format, plain or gzip): its delegated names (repeatable)
  --zone-diff OLD NEW  names delegated in zone NEW but not in OLD: the newly registered (repeatable)
  --nrd FILE           newly-registered-domain list, one name per line, plain or gzip (repeatable)
  --certstream URL     a certstream server (ws:// or wss://), reconnecting with backoff (repeatable)
which: CT logs are followed when --log or --log-list is given, or when no source is given at
  all (then every usable log of the default list); naming only files or --certstream reads just those.
running:
  --once               read every log up to its current head, each file to its end, and a certstream
                       until the server closes; then exit
  --poll SECONDS       between polls of a log's head when following (default 10)
  --min-interval MS    at least this long between two requests to one log (default 100)
enrichment (each new finding, and every finding again when due; see squatwatch enrich):
  --no-enrich          store findings only
  --resolver HOST:PORT DNS server for enrichment (repeatable; default: the system's)
  --no-whois           no WHOIS fallback for TLDs without RDAP
  --reenrich-hours N   enrich a finding again when its last enrichment is older (default 24)
`;

/** parseArgs takes one value per option: `--zone-diff OLD NEW` is taken out first. */
function takeZoneDiffs(argv: readonly string[]): { rest: string[]; diffs: FileFeedSpec[] } | string {
  const rest: string[] = [];
  const diffs: FileFeedSpec[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--zone-diff') {
      rest.push(argv[i]!);
      continue;
    }
    const [a, b] = [argv[i + 1], argv[i + 2]];
    if (a === undefined || b === undefined || a.startsWith('--') || b.startsWith('--')) return '--zone-diff takes two files: OLD NEW';
    diffs.push({ kind: 'zone-diff', paths: [a, b] });
    i += 2;
  }
  return { rest, diffs };
}

function statusLine(status: ReadonlyMap<string, SourceStatus>, started: number): string {
  const secs = Math.max(0.001, (Date.now() - started) / 1000);
  const parts = [...status].map(([src, s]) => `${src.replace(/^ct:/, '')} ${Math.round(s.entries / secs)}/s backlog ${s.backlog} found ${s.findings}`);
  return parts.join(' | ');
}

export const run: Command = async (argv, io) => {
  const split = takeZoneDiffs(argv);
  if (typeof split === 'string') return io.stderr.write(`watch: ${split}\n${USAGE}`), EXIT.error;
  let v;
  try {
    ({ values: v } = parseArgs({
      args: split.rest,
      options: {
        brands: { type: 'string' },
        db: { type: 'string' },
        'log-list': { type: 'string' },
        log: { type: 'string', multiple: true },
        zone: { type: 'string', multiple: true },
        nrd: { type: 'string', multiple: true },
        certstream: { type: 'string', multiple: true },
        once: { type: 'boolean' },
        'names-tiles': { type: 'boolean' },
        'start-at-head': { type: 'boolean' },
        poll: { type: 'string' },
        'min-interval': { type: 'string' },
        'no-enrich': { type: 'boolean' },
        resolver: { type: 'string', multiple: true },
        'no-whois': { type: 'boolean' },
        'reenrich-hours': { type: 'string' },
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
  const reenrichMs = Number(v['reenrich-hours'] ?? '24') * 3600_000;
  if (!(reenrichMs > 0)) return io.stderr.write(`watch: --reenrich-hours takes a positive number\n`), EXIT.error;

  const wl = await loadWatchlistFile(v.brands);
  if (!wl.ok) return io.stderr.write(`${formatWatchlistErrors(wl.errors)}\n`), EXIT.error;
  const matcher = createMatcher(wl.watchlist.brands, await matcherOptionsFor(wl.watchlist));
  const warn = (m: string): void => void io.stderr.write(`watch: ${m}\n`);
  const files: FileFeedSpec[] = [...(v.zone ?? []).map((p) => ({ kind: 'zone' as const, paths: [p] })), ...split.diffs, ...(v.nrd ?? []).map((p) => ({ kind: 'nrd' as const, paths: [p] }))];
  const sources = { logs: v.log ?? [], logList: v['log-list'], defaultLogList: `${DATA_DIR}ct/loglist3.json`, files, certstreams: v.certstream ?? [] };

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
    const feeds = await openWatchFeeds(sources, { once: v.once === true, pollMs, minIntervalMs, warn, signal: stop.signal, checkpoints: store, namesTiles: v['names-tiles'] === true, startAtHead: v['start-at-head'] === true });
    if (typeof feeds === 'string') return io.stderr.write(`watch: ${feeds}\n`), EXIT.error;
    const enrichment = v['no-enrich'] === true ? undefined : await startWatchEnrichment(store, { resolvers: v.resolver ?? [], whois: v['no-whois'] !== true, reenrichMs }, io);
    if (v.once !== true) enrichment?.schedule();
    const started = Date.now();
    let shown = 0;
    const status = await followFeeds<Finding>({
      feed: mergeFeeds(feeds),
      matcher,
      sink: store,
      onNew: (f) => {
        io.stdout.write(`${JSON.stringify(f)}\n`);
        enrichment?.add(f.domain);
      },
      onBatch: (s) => {
        if (!io.interactive || Date.now() - shown < 1000) return;
        shown = Date.now();
        io.stderr.write(`\r\x1b[K${statusLine(s, started)}`);
      },
    });
    if (io.interactive) io.stderr.write('\r\x1b[K');
    await enrichment?.finish();
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
