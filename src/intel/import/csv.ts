/**
 * CSV indicator lists with a header row: US-CERT JAR files (INDICATOR_VALUE, TYPE, …, OBSERVED_DATE),
 * MISP attribute exports (type, value, …, date) and similar. Quoted fields may hold commas, doubled
 * quotes and line breaks (RFC 4180). The actor comes from an actor column or from the caller.
 */
import type { ImportBatch, ImportIssue, Indicator } from '../types.js';
import { classify, normaliseAs } from './indicator-value.js';

type Kind = Indicator['kind'];

export interface CsvOptions {
  /** The actor every row is attributed to, when the file names none (e.g. a report's subject). */
  readonly actor?: string;
  /** The report the list was published in. */
  readonly report?: string;
}

const TYPE_NAMES: Readonly<Record<string, Kind>> = {
  ipv4addr: 'ip',
  ipv4: 'ip',
  ip: 'ip',
  'ip-dst': 'ip',
  'ip-src': 'ip',
  fqdn: 'domain',
  domain: 'domain',
  hostname: 'domain',
  url: 'url',
  md5: 'hash',
  sha1: 'hash',
  sha256: 'hash',
  email: 'email',
  'email-src': 'email',
  'whois-registrant-email': 'email',
};

const VALUE_COLUMNS = ['indicator_value', 'indicator', 'value', 'ioc'];
const TYPE_COLUMNS = ['type', 'indicator_type'];
const ACTOR_COLUMNS = ['actor', 'threat_actor', 'group'];
const DATE_COLUMNS = ['observed_date', 'date', 'first_seen'];

/** Splits CSV text into rows of fields, remembering the line each row starts on. */
export function csvRows(text: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line: start });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) rows.push({ fields: [...fields, field], line: start });
  return rows;
}

/** JAR files give some hashes only in the comment: `SHA256:0576CD0E…`. */
function hashInComment(comment: string | undefined): string {
  const m = /^(?:MD5|SHA1|SHA256):([0-9A-Fa-f]{32,64})$/.exec((comment ?? '').trim());
  return m?.[1] ?? '';
}

function column(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

export function parseCsv(text: string, source: string, options: CsvOptions = {}): ImportBatch {
  const rows = csvRows(text);
  const issues: ImportIssue[] = [];
  const indicators: Indicator[] = [];
  const header = rows[0]?.fields ?? [];
  const valueAt = column(header, VALUE_COLUMNS);
  if (valueAt < 0) {
    issues.push({ source, position: 'line 1', reason: `no indicator column (one of ${VALUE_COLUMNS.join(', ')})` });
    return { format: 'csv', source, indicators, actors: [], issues };
  }
  const typeAt = column(header, TYPE_COLUMNS);
  const actorAt = column(header, ACTOR_COLUMNS);
  const dateAt = column(header, DATE_COLUMNS);
  const commentAt = column(header, ['comment']);
  for (const { fields, line } of rows.slice(1)) {
    const position = `line ${line}`;
    const raw = (fields[valueAt] ?? '').trim() || hashInComment(fields[commentAt]);
    const typeName = typeAt < 0 ? '' : (fields[typeAt] ?? '').trim().toLowerCase();
    if (raw === '') {
      issues.push({ source, position, reason: 'empty indicator value' });
      continue;
    }
    const stated = TYPE_NAMES[typeName];
    if (typeName !== '' && stated === undefined) continue; // a kind we do not model (user agents, file names…)
    const value = stated === undefined ? classify(raw)?.value ?? null : normaliseAs(stated, raw);
    const kind = stated ?? classify(raw)?.kind;
    if (value === null || kind === undefined) {
      issues.push({ source, position, reason: `${typeName || 'value'} ${JSON.stringify(raw.slice(0, 80))} is not valid` });
      continue;
    }
    const actor = (actorAt < 0 ? '' : (fields[actorAt] ?? '').trim()) || options.actor;
    const observed = dateAt < 0 ? '' : (fields[dateAt] ?? '').trim();
    indicators.push({
      kind,
      value,
      origin: { source, position },
      ...(actor === undefined || actor === '' ? {} : { actor }),
      ...(options.report === undefined ? {} : { report: options.report }),
      ...(observed === '' ? {} : { observed }),
    });
  }
  return { format: 'csv', source, indicators, actors: [], issues };
}
