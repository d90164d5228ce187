import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { parseName } from '../names/index.js';
import type { Brand } from '../types.js';

/**
 * Watchlist files, parsed from text (the caller reads the file). Two forms:
 *
 * 1. YAML or JSON:
 *      brands:
 *        - name: En Marche              # required
 *          domains: [en-marche.fr]      # required: the brand's own registrable domains, never alerted
 *          keywords: [macron]           # optional: tokens that stand for the brand inside a longer name
 *          allowlist: [enmarche.org]    # optional: look-alikes known to be good
 *      keywords: [elysee]               # optional: extra combosquat keywords for every brand
 *      allowlist: [example.org]         # optional: never alerted, for any brand
 *    A bare list of brands at the top level is accepted too.
 * 2. Plain text: one brand domain per line, `#` comments; each line is its own brand.
 */
export interface Watchlist {
  readonly brands: readonly Brand[];
  readonly keywords: readonly string[];
  readonly allowlist: readonly string[];
}

export interface WatchlistError {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export type WatchlistResult = { readonly ok: true; readonly watchlist: Watchlist } | { readonly ok: false; readonly errors: readonly WatchlistError[] };

function looksStructured(file: string, text: string): boolean {
  if (/\.(ya?ml|json)$/i.test(file)) return true;
  if (/\.(txt|list|lst)$/i.test(file)) return false;
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  return /^\s*([{[-]|[\w-]+\s*:)/.test(first);
}

/** Normalises a domain given in a watchlist to its registrable form, or says why it cannot be one. */
function registrable(value: string): { domain: string } | { reason: string } {
  const r = parseName(value);
  if (!r.ok) return { reason: `'${value}' is not a domain name (${r.error})` };
  return { domain: r.name.domain };
}

function parsePlain(file: string, text: string): WatchlistResult {
  const brands: Brand[] = [];
  const errors: WatchlistError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const r = registrable(line);
    if ('reason' in r) errors.push({ file, line: i + 1, reason: r.reason });
    else brands.push({ name: r.domain, domains: [r.domain], keywords: [], allowlist: [] });
  });
  if (errors.length > 0) return { ok: false, errors };
  if (brands.length === 0) return { ok: false, errors: [{ file, line: 1, reason: 'no brand domain in the file' }] };
  return { ok: true, watchlist: { brands, keywords: [], allowlist: [] } };
}

class StructuredReader {
  readonly errors: WatchlistError[] = [];
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0] ?? 0;
    return this.lines.linePos(offset).line;
  }

  error(node: Node | null | undefined, reason: string): void {
    this.errors.push({ file: this.file, line: this.lineOf(node), reason });
  }

  strings(node: unknown, what: string, parent: Node): string[] {
    if (node === undefined || node === null) return [];
    if (!isSeq(node)) {
      this.error(isScalar(node) ? node : parent, `${what} must be a list of strings`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') out.push(item.value.trim().toLowerCase());
      else this.error(item as Node, `${what} must hold non-empty strings`);
    }
    return out;
  }

  domains(node: unknown, what: string, parent: Node): string[] {
    const out: string[] = [];
    for (const value of this.strings(node, what, parent)) {
      const r = registrable(value);
      if ('reason' in r) this.error(isSeq(node) ? node.items.find((i) => isScalar(i) && i.value === value) as Node : parent, `${what}: ${r.reason}`);
      else if (!out.includes(r.domain)) out.push(r.domain);
    }
    return out;
  }

  brand(node: unknown): Brand | null {
    if (!isMap(node)) {
      this.error(node as Node, 'each brand must be a mapping with name and domains');
      return null;
    }
    const nameNode = node.get('name', true);
    const name = isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value.trim() : '';
    if (name === '') this.error(node, "a brand needs a 'name'");
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!['name', 'domains', 'keywords', 'allowlist'].includes(key)) this.error(pair.key as Node, `unknown brand field '${key}' (expected name, domains, keywords, allowlist)`);
    }
    const domains = this.domains(node.get('domains', true), `brand '${name}' domains`, node);
    if (domains.length === 0) this.error(node, `brand '${name}' needs at least one domain`);
    const keywords = this.strings(node.get('keywords', true), `brand '${name}' keywords`, node);
    const allowlist = this.domains(node.get('allowlist', true), `brand '${name}' allowlist`, node);
    return name === '' || domains.length === 0 ? null : { name, domains, keywords, allowlist };
  }
}

function parseStructured(file: string, text: string): WatchlistResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const reader = new StructuredReader(file, lines);
  for (const e of doc.errors) reader.errors.push({ file, line: lines.linePos(e.pos[0]).line, reason: e.message.split('\n')[0] ?? e.message });
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const root = doc.contents;
  let list: unknown = root;
  let keywords: string[] = [];
  let allowlist: string[] = [];
  if (isMap(root)) {
    list = root.get('brands', true);
    keywords = reader.strings(root.get('keywords', true), 'keywords', root);
    allowlist = reader.domains(root.get('allowlist', true), 'allowlist', root);
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!['brands', 'keywords', 'allowlist'].includes(key)) reader.error(pair.key as Node, `unknown top-level field '${key}' (expected brands, keywords, allowlist)`);
    }
  }
  if (!isSeq(list)) {
    reader.error((root ?? undefined) as Node | undefined, "expected a list of brands, or a mapping with 'brands:'");
    return { ok: false, errors: reader.errors };
  }
  const brands: Brand[] = [];
  for (const item of list.items) {
    const b = reader.brand(item);
    if (b) {
      if (brands.some((x) => x.name === b.name)) reader.error(item as Node, `brand '${b.name}' is listed twice`);
      brands.push(b);
    }
  }
  if (brands.length === 0 && reader.errors.length === 0) reader.error(list, 'the brand list is empty');
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return { ok: true, watchlist: { brands, keywords, allowlist } };
}

/** Parses a watchlist's text; `file` names it in errors. Errors carry the 1-based line. */
export function parseWatchlist(file: string, text: string): WatchlistResult {
  return looksStructured(file, text) ? parseStructured(file, text) : parsePlain(file, text);
}
