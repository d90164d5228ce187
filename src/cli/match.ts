import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NAME_ERROR_TEXT, createMatcher } from '../engine/index.js';
import { formatWatchlistErrors, loadWatchlistFile, matcherOptionsFor } from '../config/index.js';
import { lineBatches } from '../feeds/line-batches.js';
import { LINE_PROBLEM_TEXT, namesOnLine } from '../feeds/line-names.js';
import { HIT_FORMATS, HitWriter, type HitFormat } from './hit-format.js';
import { parseCommandArgs, failWith } from './args.js';
import { EXIT, type Command } from './io.js';
import { Progress } from './progress.js';
import { SkipReport } from './skip-report.js';

const USAGE = `usage: squatwatch match --brands FILE [--format jsonl|csv|table] [--threshold X] [FILE|-]

Reads names one per line (plain names, or certstream / CT names-tile JSON lines), from FILE or stdin,
and writes the lookalikes of the watchlist's brands to stdout. Bad lines are counted and skipped, with
their line number on stderr.
exit: 0 no hit, 1 at least one hit, 2 error (bad arguments, unreadable input or watchlist)
`;

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('match', USAGE, argv, io, {
    brands: { type: 'string', short: 'b' },
    format: { type: 'string', short: 'f', default: 'jsonl' },
    threshold: { type: 'string', short: 't' },
    quiet: { type: 'boolean', short: 'q', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const fail = failWith('match', io);
  if (values.brands === undefined) return fail(`--brands FILE is required\n${USAGE}`);
  if (!HIT_FORMATS.includes(values.format as HitFormat)) return fail(`--format must be one of ${HIT_FORMATS.join(', ')}, not '${values.format}'`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) return fail(`--threshold must be a number between 0 and 1, not '${values.threshold}'`);
  if (positionals.length > 1) return fail(`one input at most, got ${positionals.length}`);
  const input = positionals[0] ?? '-';

  const loaded = await loadWatchlistFile(values.brands);
  if (!loaded.ok) return fail(`the watchlist has errors:\n${formatWatchlistErrors(loaded.errors)}`);
  const matcher = createMatcher(loaded.watchlist.brands, await matcherOptionsFor(loaded.watchlist, threshold));

  let size = 0;
  if (input !== '-') {
    try {
      const st = await stat(input);
      if (!st.isFile()) return fail(`${input}: not a file`);
      size = st.size;
    } catch (e) {
      return fail(`${input}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  const stream = input === '-' ? io.stdin : createReadStream(input, { highWaterMark: 1 << 20 });
  const source = input === '-' ? 'stdin' : input;
  const writer = new HitWriter(values.format as HitFormat);
  const skips = new SkipReport(values.quiet ? devNull : io.stderr, source);
  const progress = new Progress(io.stderr, io.interactive && size > 0, size);
  let names = 0;
  let hits = 0;
  try {
    for await (const batch of lineBatches(stream as AsyncIterable<Buffer>)) {
      let out = '';
      for (const n of batch.tooLong) skips.skip(n, 'line longer than 1 MiB', '');
      for (let i = 0; i < batch.lines.length; i++) {
        const lineNo = batch.firstLine + i;
        const line = batch.lines[i] ?? '';
        const found = namesOnLine(line);
        if (!found.ok) {
          skips.skip(lineNo, LINE_PROBLEM_TEXT[found.problem], found.problem === 'empty' ? '' : line);
          continue;
        }
        for (const name of found.names) {
          const lineHits = matcher.match(name);
          if (matcher.lastError !== null) {
            skips.skip(lineNo, NAME_ERROR_TEXT[matcher.lastError], name);
            continue;
          }
          // Only names matched count: a skipped one is in the skip report, not counted twice.
          names++;
          for (const h of lineHits) out += writer.render(h, lineNo);
          hits += lineHits.length;
        }
      }
      if (out !== '' && !io.stdout.write(out)) await new Promise((r) => io.stdout.once('drain', r));
      progress.update(batch.bytes, names, hits);
    }
  } catch (e) {
    progress.done();
    return fail(`${source}: read failed: ${(e as Error).message}`);
  }
  progress.update(size, names, hits, true);
  progress.done();
  io.stderr.write(`squatwatch match: ${names.toLocaleString('en-US')} names matched, ${hits.toLocaleString('en-US')} hits, ${skips.summary()}\n`);
  return hits > 0 ? EXIT.found : EXIT.ok;
};

const devNull = { write: () => true } as unknown as NodeJS.WritableStream;
