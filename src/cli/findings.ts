/** `squatwatch findings`: list what the store holds, for people (table) or tools (jsonl, csv). */
import { parseArgs } from 'node:util';
import { DEFAULT_DB_PATH, type Finding, type FindingQuery, isTriageState, openStore, StoreError, TRIAGE_STATES } from '../store/index.js';
import { csvField, printable } from '../act/index.js';
import { EXIT, type Command } from './io.js';

const FORMATS = ['table', 'jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: squatwatch findings [--db FILE] [--format table|jsonl|csv] [--state S] [--brand B]
                           [--min-score X] [--since TIME] [--limit N]
  --db FILE        SQLite store (default ${DEFAULT_DB_PATH}); it must exist
  --format F       table (default), jsonl or csv
  --state S        only findings in this triage state: ${TRIAGE_STATES.join(', ')}
  --brand B        only findings imitating this brand (its name, any case, or one of its domains)
  --min-score X    only findings scoring at least X (0 to 1)
  --since TIME     only findings seen at or after TIME (ISO 8601, e.g. 2017-04-01)
  --limit N        at most N findings, highest score first (default 1000)
Exit status: 0 none listed, 1 findings listed, 2 error.
`;

type Parsed = { query: FindingQuery; db: string; format: Format } | { error: string } | { help: true };

function parse(argv: readonly string[]): Parsed {
  const { values: v } = parseArgs({
    args: [...argv],
    options: {
      db: { type: 'string' },
      format: { type: 'string' },
      state: { type: 'string' },
      brand: { type: 'string' },
      'min-score': { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help === true) return { help: true };
  const format = v.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) return { error: `--format must be one of ${FORMATS.join(', ')}, not '${format}'` };
  if (v.state !== undefined && !isTriageState(v.state)) return { error: `--state must be one of ${TRIAGE_STATES.join(', ')}, not '${v.state}'` };
  const minScore = v['min-score'] === undefined ? undefined : Number(v['min-score']);
  if (minScore !== undefined && !(v['min-score'] !== '' && minScore >= 0 && minScore <= 1)) {
    return { error: `--min-score must be a number from 0 to 1, not '${v['min-score']}'` };
  }
  const limit = v.limit === undefined ? undefined : Number(v.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return { error: `--limit must be a positive whole number, not '${v.limit}'` };
  if (v.since !== undefined && Number.isNaN(Date.parse(v.since))) return { error: `--since must be an ISO 8601 time, not '${v.since}'` };
  const query: FindingQuery = {
    ...(isTriageState(v.state) ? { state: v.state } : {}),
    ...(v.brand === undefined ? {} : { brand: v.brand }),
    ...(minScore === undefined ? {} : { minScore }),
    ...(v.since === undefined ? {} : { since: v.since }),
    ...(limit === undefined ? {} : { limit }),
  };
  return { query, db: v.db ?? DEFAULT_DB_PATH, format: format as Format };
}

export const run: Command = async (argv, io) => {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (e) {
    parsed = { error: (e as Error).message };
  }
  if ('help' in parsed) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if ('error' in parsed) {
    io.stderr.write(`findings: ${parsed.error}\n${USAGE}`);
    return EXIT.error;
  }
  let findings: readonly Finding[];
  try {
    const store = openStore(parsed.db, { create: false });
    try {
      findings = await store.listFindings(parsed.query);
    } finally {
      await store.close();
    }
  } catch (e) {
    // StoreError messages name the file already; anything else (a corrupt file…) gets it added.
    const message = e instanceof StoreError ? e.message : `${parsed.db}: ${(e as Error).message}`;
    io.stderr.write(`findings: ${message}\n`);
    return EXIT.error;
  }
  io.stdout.write(render(findings, parsed.format));
  io.stderr.write(`${findings.length} finding${findings.length === 1 ? '' : 's'} in ${parsed.db}\n`);
  return findings.length > 0 ? EXIT.found : EXIT.ok;
};

/** The JSONL record of a finding: the fields other tools read (snake_case). */
export function findingRecord(f: Finding): Record<string, unknown> {
  return {
    domain: f.domain,
    display: f.display,
    score: f.score,
    brands: f.brands.map((b) => ({ brand: b.brand, brand_domain: b.brandDomain, score: b.score, techniques: b.techniques, reasons: b.reasons })),
    state: f.state,
    first_seen: f.firstSeen,
    last_seen: f.lastSeen,
    sightings: f.sightings,
  };
}

function render(findings: readonly Finding[], format: Format): string {
  switch (format) {
    case 'jsonl':
      return findings.map((f) => `${JSON.stringify(findingRecord(f))}\n`).join('');
    case 'csv':
      return [CSV_HEADER, ...findings.map(csvRow)].join('');
    case 'table':
      return table(findings);
  }
}

const CSV_HEADER = 'domain,display,score,state,brands,brand_domains,techniques,reasons,first_seen,last_seen,sightings\n';

function csvRow(f: Finding): string {
  const fields = [
    f.domain,
    f.display,
    f.score.toFixed(3),
    f.state,
    f.brands.map((b) => b.brand).join(';'),
    f.brands.map((b) => b.brandDomain).join(';'),
    techniquesOf(f).join('+'),
    f.brands.flatMap((b) => b.reasons).join('; '),
    f.firstSeen,
    f.lastSeen,
    String(f.sightings),
  ];
  return `${fields.map(csvField).join(',')}\n`;
}

function techniquesOf(f: Finding): string[] {
  return [...new Set(f.brands.flatMap((b) => b.techniques))];
}

/** For people: attacker-controlled text is made printable; an IDN shows both forms. */
function table(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const rows = findings.map((f) => [
    f.score.toFixed(2),
    f.state,
    printable(f.display === f.domain ? f.domain : `${f.display} (${f.domain})`),
    printable(f.brands.map((b) => b.brand).join(', ')),
    techniquesOf(f).join('+'),
    f.lastSeen.slice(0, 10),
    String(f.sightings),
    printable(f.brands[0]?.reasons[0] ?? ''),
  ]);
  const header = ['score', 'state', 'domain', 'brands', 'techniques', 'last seen', 'seen', 'reason'];
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: readonly string[]): string =>
    `${cells.map((c, i) => (i === cells.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i] ?? 0))).join('  ')}\n`;
  return [line(header), ...rows.map(line)].join('');
}
