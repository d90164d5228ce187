import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { AsnTable, intToIpv4, ipv4ToInt } from './table.js';

/** A line of the CSV that could not be used: counted and skipped. */
export interface AsnLoadProblem {
  readonly line: number;
  readonly reason: string;
}

export interface AsnLoadResult {
  readonly table: AsnTable;
  readonly rows: number;
  readonly skipped: number;
  /** Rows that overlapped the row before them and were cut to start after it (the upstream data has a few). */
  readonly clipped: number;
  /** The first few problems, for a message; `skipped` has the count. */
  readonly problems: readonly AsnLoadProblem[];
}

/** Splits one CSV line (RFC 4180 quoting, `""` inside quotes) into fields. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return fields.concat(value + line.slice(i)); // unterminated: take the rest
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      i = line.indexOf(',', i) < 0 ? line.length + 1 : line.indexOf(',', i) + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/**
 * Builds a table from `start_ip,end_ip,asn,org` text (the @ip-location-db/asn CSV). Rows need not
 * be sorted; a row overlapping the one before it (after sorting) keeps only its part after that
 * row (counted as clipped), or is skipped and counted when nothing is left.
 */
export function parseAsnCsv(text: string): AsnLoadResult {
  const cap = 1 + (text.match(/\n/g)?.length ?? 0);
  const starts = new Uint32Array(cap);
  const ends = new Uint32Array(cap);
  const asns = new Uint32Array(cap);
  const orgIdx = new Uint32Array(cap);
  const orgs: string[] = [];
  const orgIds = new Map<string, number>();
  const problems: AsnLoadProblem[] = [];
  let skipped = 0;
  const skip = (line: number, reason: string): void => {
    skipped++;
    if (problems.length < 10) problems.push({ line, reason });
  };
  let n = 0;
  let lineNo = 0;
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    pos = end + 1;
    lineNo++;
    if (line === '') continue;
    const [a = '', b = '', asnText = '', org = ''] = splitCsvLine(line);
    const start = ipv4ToInt(a);
    const last = ipv4ToInt(b);
    const asn = /^[0-9]{1,10}$/.test(asnText) ? Number(asnText) : -1;
    if (start < 0 || last < 0) skip(lineNo, `bad address in "${line.slice(0, 80)}"`);
    else if (last < start) skip(lineNo, `range ends before it starts in "${line.slice(0, 80)}"`);
    else if (asn < 0 || asn > 0xffffffff) skip(lineNo, `bad ASN "${asnText.slice(0, 20)}"`);
    else {
      let id = orgIds.get(org);
      if (id === undefined) {
        id = orgs.push(org) - 1;
        orgIds.set(org, id);
      }
      starts[n] = start;
      ends[n] = last;
      asns[n] = asn;
      orgIdx[n] = id;
      n++;
    }
  }
  return finish(starts.subarray(0, n), ends.subarray(0, n), asns.subarray(0, n), orgIdx.subarray(0, n), orgs, skipped, problems);
}

function finish(
  starts: Uint32Array,
  ends: Uint32Array,
  asns: Uint32Array,
  orgIdx: Uint32Array,
  orgs: string[],
  skippedBefore: number,
  problems: AsnLoadProblem[],
): AsnLoadResult {
  let sorted = true;
  for (let i = 1; i < starts.length && sorted; i++) sorted = (starts[i - 1] as number) <= (starts[i] as number);
  const order = Array.from({ length: starts.length }, (_, i) => i);
  if (!sorted) order.sort((x, y) => (starts[x] as number) - (starts[y] as number));
  const s = new Uint32Array(order.length);
  const e = new Uint32Array(order.length);
  const a = new Uint32Array(order.length);
  const o = new Uint32Array(order.length);
  let n = 0;
  let skipped = skippedBefore;
  let clipped = 0;
  for (const i of order) {
    let start = starts[i] as number;
    const end = ends[i] as number;
    if (n > 0 && start <= (e[n - 1] as number)) {
      const prevEnd = e[n - 1] as number;
      if (end <= prevEnd) {
        skipped++;
        if (problems.length < 10) problems.push({ line: 0, reason: `range ${intToIpv4(start)}-${intToIpv4(end)} lies inside the range before it` });
        continue;
      }
      start = prevEnd + 1;
      clipped++;
    }
    s[n] = start;
    e[n] = end;
    a[n] = asns[i] as number;
    o[n] = orgIdx[i] as number;
    n++;
  }
  const table = new AsnTable(s.slice(0, n), e.slice(0, n), a.slice(0, n), o.slice(0, n), orgs);
  return { table, rows: n, skipped, clipped, problems };
}

/** Reads a `.csv` or `.csv.gz` file into a table. */
export async function loadAsnFile(path: string | URL): Promise<AsnLoadResult> {
  const raw = await readFile(path);
  const bytes = String(path).endsWith('.gz') ? gunzipSync(raw) : raw;
  return parseAsnCsv(bytes.toString('utf8'));
}

/** The copy shipped with squatwatch (data/ip2asn/, credit in its README). */
export const SHIPPED_ASN_CSV = new URL('../../../data/ip2asn/asn-ipv4.csv.gz', import.meta.url);
