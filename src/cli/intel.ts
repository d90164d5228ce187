import { type ImportFormat, type IntelFile, type Knowledge, importFile, loadKnowledge, openSqliteIntelStore, shippedKnowledge } from '../intel/index.js';
import { DEFAULT_DB_PATH, StoreError } from '../store/index.js';
import { printable } from '../act/index.js';
import { EXIT, type CliIO, type Command } from './io.js';
import { failWith, parseCommandArgs } from './args.js';

const USAGE = `usage: squatwatch intel import FILE… [--db FILE] [--format auto|stix|misp|galaxy|maltrail|csv] [--actor NAME] [--shipped]
       squatwatch intel list [--db FILE] [--format text|json]

import  stores threat-actor knowledge: STIX 2.x bundles, MISP events, MISP galaxy clusters, maltrail trail
        files (apt_NAME.txt), CSV indicator lists (--actor names the actor of a list that names none); .gz
        files are read as gzip. Re-importing a file replaces what it gave before; each file is one
        transaction. --shipped imports the knowledge squatwatch ships (data/intel/). Prints per file the
        records imported and skipped, with the position and reason of each skipped record.
list    the actors the stored knowledge names, with their aliases and indicator counts.
--db FILE  the database (default ${DEFAULT_DB_PATH})
exit: 0 done, 2 a file could not be read or parsed at all, or bad usage
`;

const FORMATS: Readonly<Record<string, ImportFormat | undefined>> = {
  auto: undefined,
  stix: 'stix',
  misp: 'misp',
  galaxy: 'misp-galaxy',
  'misp-galaxy': 'misp-galaxy',
  maltrail: 'maltrail',
  csv: 'csv',
};

/** Skipped records shown per file; the rest are counted. */
const SHOWN_ISSUES = 20;

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('intel', USAGE, argv, io, {
    db: { type: 'string', default: DEFAULT_DB_PATH },
    format: { type: 'string' },
    actor: { type: 'string' },
    shipped: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const fail = failWith('intel', io);
  const [sub, ...files] = positionals;
  try {
    if (sub === 'import') {
      if (!Object.hasOwn(FORMATS, values.format ?? 'auto')) return fail(`--format must be one of ${Object.keys(FORMATS).join(', ')}, not '${values.format}'`);
      const all: (string | IntelFile)[] = [...(values.shipped ? shippedKnowledge().files : []), ...files];
      if (all.length === 0) return fail(`import needs FILE… or --shipped\n${USAGE}`);
      const format = FORMATS[values.format ?? 'auto'];
      return await importAll(io, values.db, all, { ...(format === undefined ? {} : { format }), ...(values.actor === undefined ? {} : { actor: values.actor }) });
    }
    if (sub === 'list') {
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json') return fail(`list: --format must be text or json, not '${format}'`);
      return await list(io, values.db, format);
    }
  } catch (e) {
    if (e instanceof StoreError) return fail(e.message);
    throw e;
  }
  return fail(`expected 'import' or 'list'${sub === undefined ? '' : `, not '${printable(sub)}'`}\n${USAGE}`);
};

async function importAll(io: CliIO, db: string, files: readonly (string | IntelFile)[], options: { format?: ImportFormat; actor?: string }): Promise<number> {
  const store = await openSqliteIntelStore(db);
  let failed = 0;
  let indicators = 0;
  try {
    for (const file of files) {
      const r = await importFile(store, file, options);
      const name = printable(r.file);
      const skipped = r.issues.length;
      if (r.summary === undefined) {
        failed++;
        io.stdout.write(`${name}: not imported (${skipped} problem${skipped === 1 ? '' : 's'})\n`);
      } else {
        indicators += r.summary.indicators;
        const how = r.summary.added ? 'imported' : 'replaced';
        io.stdout.write(`${name}: ${how} as ${r.summary.format}: ${r.summary.indicators} indicators, ${r.summary.actors} actors, ${skipped} records skipped\n`);
      }
      for (const i of r.issues.slice(0, SHOWN_ISSUES)) io.stderr.write(`${printable(i.source)}: ${printable(i.position)}: skipped: ${printable(i.reason)}\n`);
      if (skipped > SHOWN_ISSUES) io.stderr.write(`${name}: ${skipped - SHOWN_ISSUES} more records skipped\n`);
    }
  } finally {
    await store.close();
  }
  io.stderr.write(`squatwatch intel: ${files.length - failed} of ${files.length} files imported into ${printable(db)}, ${indicators.toLocaleString('en-US')} indicators\n`);
  return failed > 0 ? EXIT.error : EXIT.ok;
}

async function list(io: CliIO, db: string, format: 'text' | 'json'): Promise<number> {
  const store = await openSqliteIntelStore(db, { create: false });
  let k: Knowledge;
  try {
    k = await loadKnowledge({ store });
  } finally {
    await store.close();
  }
  const rows = k.hypotheses().map((id) => {
    const identity = k.identity(id);
    const counts = Object.fromEntries([...(k.actorCounts.get(id) ?? [])].filter(([kind]) => kind !== 'report').map(([kind, n]) => [kind, Math.round(n)]));
    const indicators = Object.values(counts).reduce((a, b) => a + b, 0);
    return { actor: identity.name, aliases: identity.aliases.slice(1), indicators, counts };
  });
  rows.sort((a, b) => b.indicators - a.indicators || a.actor.localeCompare(b.actor));
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(rows)}\n`);
  } else {
    for (const r of rows) {
      const kinds = Object.entries(r.counts).map(([kind, n]) => `${n} ${kind}`).join(', ');
      const aliases = r.aliases.length === 0 ? '' : `  aka ${r.aliases.slice(0, 8).map(printable).join(', ')}${r.aliases.length > 8 ? ` (+${r.aliases.length - 8})` : ''}`;
      io.stdout.write(`${printable(r.actor)}  ${r.aliases.length} aliases, ${r.indicators} indicators (${kinds})${aliases}\n`);
    }
  }
  io.stderr.write(`squatwatch intel: ${rows.length} actors with indicators, ${k.indicatorCount.toLocaleString('en-US')} indicators\n`);
  return EXIT.ok;
}
