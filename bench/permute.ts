/**
 * bench/permute: variants generated per second by `permute` (all fuzzers, shipped dictionaries and
 * common TLDs) over real popular domains, beside a naive generator of the edit-distance-1
 * neighbourhood that checks each candidate with url.domainToASCII; then `scan` throughput against
 * the local test DNS server. Run: node --import tsx bench/permute.ts
 */
import { readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { loadPermuteData } from '../src/cli/permute-data.js';
import { permute, splitTarget } from '../src/engine/permute/index.js';
import { createDnsClient, scanVariants } from '../src/enrich/dns/index.js';
import { startDnsServer } from '../test/support/dns-server.js';
import { measure, printTable, SHARED } from './table.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/** The obvious way: every one-edit string, each validated by the URL parser, a Set for duplicates. */
function naiveEdits(domain: string): string[] {
  const t = splitTarget(domain);
  if (t === null) return [];
  const l = t.label;
  const out = new Set<string>();
  const add = (label: string): void => {
    const d = domainToASCII(`${t.prefix}${label}.${t.suffix}`);
    if (d !== '' && d !== t.domain && !label.startsWith('-') && !label.endsWith('-')) out.add(d);
  };
  for (let i = 0; i <= l.length; i++) {
    for (const c of ALPHABET) add(l.slice(0, i) + c + l.slice(i));
    if (i < l.length) {
      add(l.slice(0, i) + l.slice(i + 1));
      for (const c of ALPHABET) add(l.slice(0, i) + c + l.slice(i + 1));
    }
    if (i + 1 < l.length) add(l.slice(0, i) + l.charAt(i + 1) + l.charAt(i) + l.slice(i + 2));
  }
  return [...out];
}

const tranco = (JSON.parse(readFileSync(`${SHARED}toplists/misp-warninglist-tranco10k.json`, 'utf8')) as { list: string[] }).list;
const domains = ['en-marche.fr', 'circl.lu', 'misp-project.org', 'brand.gov.xx', ...tranco.filter((_, i) => i % 50 === 0)];
const loaded = await loadPermuteData('common');
if (!loaded.ok) throw new Error(loaded.error);
const data = loaded.data;
permute('warm-up.com', data);

let ours = 0;
const heap0 = process.memoryUsage().heapUsed;
let kept: unknown[] = [];
const m = measure(() => {
  kept = domains.map((d) => permute(d, data));
  ours = kept.reduce<number>((n, v) => n + (v as unknown[]).length, 0);
}, 1);
const heapPerVariant = (process.memoryUsage().heapUsed - heap0) / ours;
kept = [];
let naive = 0;
const b = measure(() => {
  for (const d of domains) naive += naiveEdits(d).length;
}, 1);

let typos = 0;
const typoOnly = measure(() => {
  for (const d of domains) typos += permute(d, { families: ['typo'] }).length;
}, 1);
const perSecond = (n: number, s: number): number => Math.round(n / s);
const ratio = (n: number, s: number): string => (n / s / (naive / b.seconds)).toFixed(2);

printTable(`permute: ${domains.length} domains (4 named + every 50th of Tranco 10k)`, ['generator', 'variants', 'seconds', 'variants/s', 'ratio', 'peak RSS MiB'], [
  ['squatwatch permute, all fuzzers', ours, m.seconds.toFixed(3), perSecond(ours, m.seconds), ratio(ours, m.seconds), Math.round(m.peakRss / 2 ** 20)],
  ['squatwatch permute, typo only', typos, typoOnly.seconds.toFixed(3), perSecond(typos, typoOnly.seconds), ratio(typos, typoOnly.seconds), Math.round(typoOnly.peakRss / 2 ** 20)],
  ['naive edit-1 + domainToASCII (baseline)', naive, b.seconds.toFixed(3), Math.round(naive / b.seconds), '1.00', Math.round(b.peakRss / 2 ** 20)],
]);
console.log(`\nheap held per variant (domain, display, technique, fuzzer): ~${Math.round(heapPerVariant)} bytes`);

// Scan throughput: every variant of en-marche.fr, four queries each, against the local server.
const server = await startDnsServer({ records: [{ name: 'en-marche.co', type: 'A', data: '192.0.2.1' }] });
const variants = permute('en-marche.fr', data);
const rows: (string | number)[][] = [];
for (const concurrency of [16, 64, 128]) {
  const client = createDnsClient({ servers: [server.address], concurrency, timeoutMs: 500 });
  const q0 = server.queries.length;
  const t0 = process.hrtime.bigint();
  await scanVariants(client, variants, { concurrency });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const q = server.queries.length - q0;
  rows.push([concurrency, variants.length, q, s.toFixed(2), Math.round(variants.length / s), Math.round(q / s), Math.round(process.memoryUsage().rss / 2 ** 20)]);
}
await server.close();
printTable('scan en-marche.fr against the local DNS server (client and server in one process)',
  ['concurrency', 'variants', 'queries', 'seconds', 'variants/s', 'queries/s', 'RSS MiB'], rows);
