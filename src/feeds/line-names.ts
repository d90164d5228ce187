/**
 * The names on one input line: a plain name (first field of the line: `example.com`, `example.com,2024-05-01`),
 * a certstream message (`data.leaf_cert.all_domains`), or a CT names-tile entry (`{"DNS": [...]}`).
 */
export type LineProblem = 'empty' | 'binary' | 'bad-json' | 'no-names';

export type LineNames = { readonly ok: true; readonly names: readonly string[] } | { readonly ok: false; readonly problem: LineProblem };

export const LINE_PROBLEM_TEXT: Readonly<Record<LineProblem, string>> = {
  empty: 'empty line',
  binary: 'binary data (NUL byte or invalid UTF-8)',
  'bad-json': 'a JSON line that does not parse',
  'no-names': 'a JSON line with no domain names in it (expected certstream or {"DNS": [...]})',
};

const NONE: LineNames = { ok: true, names: [] };

function isBinary(line: string): boolean {
  return line.includes('\u0000') || line.includes('\ufffd');
}

function stringsAt(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Names in a parsed JSON line: certstream's all_domains (or its CN and SANs), a names tile's DNS, or a `name` field. */
export function namesInJson(value: unknown): string[] {
  const top = record(value);
  const leaf = record(record(top?.data)?.leaf_cert);
  if (leaf) {
    const all = stringsAt(leaf.all_domains);
    if (all.length > 0) return all;
    const cn = record(leaf.subject)?.CN;
    const san = record(leaf.extensions)?.subjectAltName;
    const sans = typeof san === 'string' ? [...san.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1] ?? '') : [];
    return [...(typeof cn === 'string' ? [cn] : []), ...sans];
  }
  const dns = stringsAt(top?.DNS);
  if (dns.length > 0) return dns;
  return typeof top?.name === 'string' ? [top.name] : [];
}

export function namesOnLine(line: string): LineNames {
  const text = line.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.startsWith('#')) return NONE;
  if (isBinary(text)) return { ok: false, problem: 'binary' };
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, problem: 'bad-json' };
    }
    const names = [...new Set(namesInJson(parsed))];
    return names.length > 0 ? { ok: true, names } : { ok: false, problem: 'no-names' };
  }
  const cut = text.search(/[\s,;]/);
  return { ok: true, names: [cut < 0 ? text : text.slice(0, cut)] };
}
