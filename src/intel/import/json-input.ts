/** Reading untrusted JSON at the edge: a parse failure becomes an issue naming line and column. */
import type { ImportIssue } from '../types.js';

export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: ImportIssue };

export function parseJson(text: string, source: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = errorOffset(message, text);
    let position = 'whole file';
    if (offset !== undefined) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      position = `line ${line} column ${column}`;
    }
    return { ok: false, issue: { source, position, reason: `invalid JSON: ${message}` } };
  }
}

/**
 * Where JSON.parse stopped. Node 20's V8 gives either `at position N` or a snippet of the text around
 * the bad token (`..."ab[ oops ]…" is not valid JSON`, ten characters either side).
 */
function errorOffset(message: string, text: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at?.[1] !== undefined) return Number(at[1]);
  if (/end of JSON input/.test(message)) return text.length;
  const snippet = /, (\.\.\.)?"([\s\S]*?)(\.\.\.)?" is not valid JSON$/.exec(message);
  if (snippet?.[2] === undefined) return undefined;
  const found = text.indexOf(snippet[2]);
  if (found < 0) return undefined;
  return snippet[1] === undefined ? found : found + 10;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}
