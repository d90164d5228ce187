import { rm } from 'node:fs/promises';
import { createMatcher } from '../engine/index.js';
import { formatWatchlistErrors, loadWatchlistFile, matcherOptionsFor } from '../config/index.js';
import { loadMacron2017 } from '../cases/index.js';
import { replayLines } from '../pipeline/index.js';
import { openStore } from '../store/index.js';
import { attribute, loadKnowledge, shippedKnowledge, type Attribution } from '../intel/index.js';
import { caseCounts, renderCaseReport } from '../act/index.js';
import { hitRecord } from './hit-format.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './io.js';

const USAGE = `usage: squatwatch demo [--db FILE] [--format text|json] [--no-attribution]

Replays the April 2017 En Marche case: real newly-certified names from a Certificate Transparency log,
with the campaign's lookalike domains mixed in, matched against the campaign's watchlist and stored in a
SQLite file (recreated on every run; default squatwatch-demo.db); then the facts recorded in 2017 are
held against the shipped threat-actor knowledge (with the case's own domains removed from it).
`;

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('demo', USAGE, argv, io, {
    db: { type: 'string', default: 'squatwatch-demo.db' },
    format: { type: 'string', default: 'text' },
    'no-attribution': { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr.write(`squatwatch demo: --format must be text or json, not '${values.format}'\n`);
    return EXIT.error;
  }
  const c = await loadMacron2017();
  const loaded = await loadWatchlistFile(c.brandsFile);
  if (!loaded.ok) {
    io.stderr.write(`squatwatch demo: ${formatWatchlistErrors(loaded.errors)}\n`);
    return EXIT.error;
  }
  const matcher = createMatcher(loaded.watchlist.brands, await matcherOptionsFor(loaded.watchlist));
  for (const suffix of ['', '-wal', '-shm']) await rm(values.db + suffix, { force: true });
  const store = openStore(values.db);
  try {
    io.stderr.write(`replaying ${c.stream.length.toLocaleString('en-US')} stream entries into ${values.db}…\n`);
    const replay = await replayLines(c.stream, matcher, store);
    await store.addFacts(c.facts);

    const attributions = new Map<string, Attribution[]>();
    if (!values['no-attribution']) {
      io.stderr.write('loading the shipped threat-actor knowledge (the case domains left out)…\n');
      const shipped = shippedKnowledge();
      const knowledge = await loadKnowledge({ files: shipped.files, background: shipped.background, exclude: c.domains.map((d) => d.domain) });
      // Every finding's facts go in together: a rare value two findings share (one registrant address)
      // makes them one operation, and attribute() reads the operation's names and targets as a whole.
      const facts = [];
      for (const f of replay.newFindings) {
        facts.push(...(await store.factsFor(f.domain)));
        for (const b of f.brands) facts.push({ subject: f.domain, fact: 'imitates', value: b.brandDomain, source: 'squatwatch match' });
      }
      for (const f of replay.newFindings) attributions.set(f.domain, attribute(f.domain, facts, knowledge, { limit: 3 }));
    }
    const report = {
      title: 'squatwatch demo — the April 2017 En Marche case, replayed',
      streamNote: `${c.ctEntries.toLocaleString('en-US')} real newly-certified entries (${replay.names.toLocaleString('en-US')} names) from CT log navigli2025h2, with the ${c.domains.length} reported lookalikes mixed in`,
      watchlist: loaded.watchlist.brands.map((b) => `${b.name} (${b.domains.join(', ')})`).join('; '),
      store: `${values.db} (SQLite): ${(await store.counts()).findings} findings`,
      hits: replay.hits,
      expected: c.domains.map((d) => ({ domain: d.domain, imitates: d.imitates })),
      attributions,
      attributionNote: 'shipped actor knowledge (MISP galaxy, MITRE, JAR-16-20296A, maltrail APT lists) without the case domains; facts as recorded in 2017',
    };
    if (values.format === 'json') {
      const counts = caseCounts(report, replay.names);
      io.stdout.write(`${JSON.stringify({ ...counts, findings: replay.hits.map((h) => hitRecord(h)), attributions: Object.fromEntries(attributions) }, null, 2)}\n`);
    } else {
      io.stdout.write(renderCaseReport(report, replay.names));
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
};
