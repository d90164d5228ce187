import { readFile } from 'node:fs/promises';
import { type Attribution, type Fact, type Knowledge, attribute, loadKnowledge, openSqliteIntelStore, shippedKnowledge } from '../intel/index.js';
import { DEFAULT_DB_PATH, StoreError, openSqliteStore } from '../store/index.js';
import { ATTRIBUTION_FORMATS, type AttributionFormat, attributionRecord, attributionText } from './attribution-format.js';
import { factsFromJsonl } from './facts-file.js';
import { printable } from '../act/index.js';
import { EXIT, type CliIO, type Command } from './io.js';
import { failWith, parseCommandArgs } from './args.js';

const USAGE = `usage: squatwatch attribute DOMAIN…|- [--db FILE] [--format text|json|jsonl] [--names-only] [--facts FILE.jsonl] [--limit N]

Says which known threat actor is behind each domain, how probable, in the words of the estimative scale,
with the evidence line by line. Knowledge comes from the database (squatwatch intel import), facts about
the domain from the database's facts table and from --facts (JSON lines {subject, fact, value, observed,
source}). '-' reads domains one per line from stdin.
  --format text   for people (default); json: one JSON list of {actor, aliases, probability, words,
                  evidence: [{fact, weight, source, counted}]} most probable first (with several domains,
                  a list of {domain, attributions}); jsonl: one line {domain, attributions} per domain
  --names-only    the naming evidence alone (for evaluation)
  --db FILE       the database (default ${DEFAULT_DB_PATH})
exit: 0 no domain likely attributed, 1 at least one attributed 'likely' or above, 2 error
`;

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('attribute', USAGE, argv, io, {
    db: { type: 'string', default: DEFAULT_DB_PATH },
    format: { type: 'string', default: 'text' },
    'names-only': { type: 'boolean', default: false },
    facts: { type: 'string' },
    limit: { type: 'string', default: '5' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const fail = failWith('attribute', io);
  const format = values.format as AttributionFormat;
  if (!ATTRIBUTION_FORMATS.includes(format)) return fail(`--format must be one of ${ATTRIBUTION_FORMATS.join(', ')}, not '${printable(values.format)}'`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return fail(`--limit must be a positive integer, not '${printable(values.limit)}'`);
  if (positionals.length === 0) return fail(`give one or more domains, or - to read them from stdin\n${USAGE}`);

  const domains = positionals.includes('-') ? [...positionals.filter((p) => p !== '-'), ...(await stdinLines(io))] : positionals;
  let extra: Fact[] = [];
  if (values.facts !== undefined) {
    let text: string;
    try {
      text = await readFile(values.facts, 'utf8');
    } catch (e) {
      return fail(`${printable(values.facts)}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const read = factsFromJsonl(text);
    for (const p of read.problems) io.stderr.write(`${printable(values.facts)}:${p.line}: skipped: ${p.reason}\n`);
    extra = read.facts;
  }

  let k: Knowledge;
  let stored: Map<string, readonly Fact[]>;
  try {
    ({ k, stored } = await load(values.db, domains));
  } catch (e) {
    if (e instanceof StoreError || e instanceof NoKnowledge) return fail(e.message);
    throw e;
  }
  const results: { domain: string; attributions: Attribution[] }[] = [];
  let likely = false;
  for (const domain of domains) {
    const facts = [...(stored.get(domain) ?? []), ...extra];
    const attributions = attribute(domain, facts, k, { namesOnly: values['names-only'], limit }).map(attributionRecord);
    if ((attributions[0]?.probability ?? 0) >= 0.55) likely = true;
    if (format === 'jsonl') io.stdout.write(`${JSON.stringify({ domain, attributions })}\n`);
    else if (format === 'text') io.stdout.write(attributionText(domain, attributions));
    results.push({ domain, attributions });
  }
  if (format === 'json') io.stdout.write(`${JSON.stringify(results.length === 1 ? results[0]?.attributions : results)}\n`);
  return likely ? EXIT.found : EXIT.ok;
};

class NoKnowledge extends Error {}

/** The stored knowledge (with the shipped background of unrelated domains) and the stored facts of each domain. */
async function load(db: string, domains: readonly string[]): Promise<{ k: Knowledge; stored: Map<string, readonly Fact[]> }> {
  const store = openSqliteStore(db, { create: false });
  const stored = new Map<string, readonly Fact[]>();
  try {
    for (const d of domains) stored.set(d, await store.factsFor(d.trim().toLowerCase()));
  } finally {
    await store.close();
  }
  const intel = await openSqliteIntelStore(db, { create: false });
  try {
    if ((await intel.sources()).length === 0) throw new NoKnowledge(`${db}: holds no actor knowledge; import some first: squatwatch intel import --shipped --db ${db}`);
    return { k: await loadKnowledge({ store: intel, background: shippedKnowledge().background }), stored };
  } finally {
    await intel.close();
  }
}

async function stdinLines(io: CliIO): Promise<string[]> {
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}
