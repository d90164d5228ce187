import { permute } from '../engine/permute/index.js';
import { createDnsClient, parseServer, scanVariants, type ScanHit, type ScanProgress } from '../enrich/dns/index.js';
import { type CliIO, type Command, EXIT } from './io.js';
import { failWith, parseCommandArgs } from './args.js';
import { checkPermuteArgs, PERMUTE_OPTIONS } from './permute-args.js';
import { loadPermuteData } from './permute-data.js';

const USAGE = `usage: squatwatch scan <domain> [--resolver HOST:PORT]... [--concurrency N] [--timeout MS]
                       [--format text|jsonl] [--families a,b] [--tlds common|all]

Resolves A, AAAA, NS and MX of every variant of <domain> (see squatwatch permute) and prints the
registered ones with their records on stdout; progress on stderr. Exit 1 when any is registered.
  --resolver     DNS server to ask (repeatable; default: the system's)
  --concurrency  queries in flight at once (default 32)
  --timeout      per query attempt, in milliseconds (default 2000; one retry after a timeout)
`;

export function formatHit(hit: ScanHit, format: 'text' | 'jsonl'): string {
  const { variant: v, records: r } = hit;
  const list = <T>(x: { ok: true; records: readonly T[] } | { ok: false }): readonly T[] => (x.ok ? x.records : []);
  const mx = list(r.MX).map((m) => ({ priority: m.priority, exchange: m.exchange }));
  if (format === 'jsonl') {
    return JSON.stringify({ ...v, A: list(r.A), AAAA: list(r.AAAA), NS: list(r.NS), MX: mx, wildcard: hit.wildcard });
  }
  const parts = [
    ...list(r.A).map((a) => `A=${a}`), ...list(r.AAAA).map((a) => `AAAA=${a}`),
    ...list(r.NS).map((n) => `NS=${n}`), ...mx.map((m) => `MX=${m.priority}:${m.exchange}`),
  ];
  if (hit.wildcard) parts.push('(wildcard suffix)');
  const name = v.display === v.domain ? v.domain : `${v.domain} (${v.display})`;
  return [name, v.technique, v.fuzzer, parts.join(' ')].join('\t');
}

function progressReporter(io: CliIO): (p: ScanProgress) => void {
  let lastTenth = 0;
  return (p) => {
    const line = `scanned ${p.done}/${p.total}, ${p.registered} registered, ${p.unresolved} unresolved`;
    if (io.interactive) io.stderr.write(`\r${line}`);
    else if (Math.floor((10 * p.done) / p.total) > lastTenth) {
      lastTenth = Math.floor((10 * p.done) / p.total);
      if (p.done < p.total) io.stderr.write(`${line}\n`);
    }
  };
}

function positiveInt(s: string | undefined, fallback: number, what: string): number | string {
  if (s === undefined) return fallback;
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : `${what} must be a positive integer, not '${s}'`;
}

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('scan', USAGE, argv, io, {
    resolver: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    ...PERMUTE_OPTIONS,
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const fail = (why: string): number => failWith('scan', io)(`${why}\n${USAGE}`);
  const checked = checkPermuteArgs(positionals, values);
  if (!checked.ok) return fail(checked.error);
  const format = checked.args.format;
  const concurrency = positiveInt(values.concurrency, 32, '--concurrency');
  const timeoutMs = positiveInt(values.timeout, 2000, '--timeout');
  if (typeof concurrency === 'string') return fail(concurrency);
  if (typeof timeoutMs === 'string') return fail(timeoutMs);
  const servers: string[] = [];
  for (const r of values.resolver ?? []) {
    const s = parseServer(r);
    if (!s.ok) return fail(s.error);
    servers.push(s.server);
  }

  const data = await loadPermuteData(checked.args.tlds);
  if (!data.ok) return fail(data.error);
  const variants = permute(checked.args.domain, { ...data.data, families: checked.args.families });
  io.stderr.write(`scanning ${variants.length} variants of ${checked.args.domain}\n`);
  const client = createDnsClient({ servers, timeoutMs, concurrency });
  const summary = await scanVariants(client, variants, {
    concurrency,
    onHit: (hit) => io.stdout.write(`${formatHit(hit, format)}\n`),
    onProgress: progressReporter(io),
  });
  if (io.interactive) io.stderr.write('\n');
  io.stderr.write(`${summary.registered} of ${summary.total} variants registered; ${summary.unresolved} unresolved\n`);
  return summary.registered > 0 ? EXIT.found : EXIT.ok;
};
