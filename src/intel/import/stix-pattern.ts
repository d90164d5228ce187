/**
 * The part of STIX 2.1 patterning that names network indicators: equality (and `IN`) comparisons on
 * `domain-name:value`, `ipv4-addr:value`, `url:value`, `email-addr:value` and `file:hashes.*`, joined by
 * OR/AND inside and between observation brackets, e.g.
 * `[domain-name:value = 'a.com' OR domain-name:value = 'b.com'] OR [ipv4-addr:value = '1.2.3.4']`.
 * Anything else (MATCHES, LIKE, qualifiers) is skipped; a pattern that cannot be tokenised is an error.
 */
import type { Indicator } from '../types.js';
import { normaliseAs } from './indicator-value.js';

type Kind = Indicator['kind'];

export interface PatternValue {
  readonly kind: Kind;
  readonly value: string;
}

export type PatternResult = { readonly ok: true; readonly values: PatternValue[] } | { readonly ok: false; readonly reason: string };

type Token =
  | { t: 'str'; v: string }
  | { t: 'word'; v: string }
  | { t: 'punct'; v: string };

function tokenise(p: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= p.length) return `unterminated string at character ${i}`;
        const d = p[i] as string;
        if (d === '\\' && i + 1 < p.length) {
          v += p[i + 1];
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          v += d;
          i++;
        }
      }
      out.push({ t: 'str', v });
    } else if ('[](),'.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
    } else if (c === '!' || c === '<' || c === '>' || c === '=') {
      const two = p.slice(i, i + 2);
      const v = two === '!=' || two === '<=' || two === '>=' ? two : c;
      out.push({ t: 'punct', v });
      i += v.length;
    } else {
      const m = /^[A-Za-z0-9_:.\-'"*]+/.exec(p.slice(i));
      if (m === null) return `unexpected ${JSON.stringify(c)} at character ${i}`;
      // an object path may carry a quoted key: file:hashes.'SHA-256'
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

function pathKind(path: string): Kind | null {
  const p = path.toLowerCase();
  if (p === 'domain-name:value') return 'domain';
  if (p === 'ipv4-addr:value') return 'ip';
  if (p === 'url:value') return 'url';
  if (p === 'email-addr:value' || p === 'email-message:from_ref.value' || p === 'email-message:sender_ref.value') return 'email';
  if (p.startsWith('file:hashes.')) return 'hash';
  return null;
}

/** Extracts every supported `path = 'value'` or `path IN ('a', 'b')` of a pattern. */
export function parseStixPattern(pattern: string): PatternResult {
  const tokens = tokenise(pattern);
  if (typeof tokens === 'string') return { ok: false, reason: tokens };
  let depth = 0;
  for (const tk of tokens) {
    if (tk.t === 'punct' && tk.v === '[') depth++;
    if (tk.t === 'punct' && tk.v === ']') depth--;
    if (depth < 0) return { ok: false, reason: 'unbalanced brackets' };
  }
  if (depth !== 0) return { ok: false, reason: 'unbalanced brackets' };
  if (tokens[0]?.t !== 'punct' || tokens[0].v !== '[') return { ok: false, reason: 'a pattern starts with [' };
  const values: PatternValue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i];
    if (tk?.t !== 'word' || !tk.v.includes(':')) continue;
    const kind = pathKind(tk.v);
    const op = tokens[i + 1];
    if (kind === null || op === undefined) continue;
    const raw: string[] = [];
    if (op.t === 'punct' && op.v === '=') {
      const v = tokens[i + 2];
      if (v?.t !== 'str') return { ok: false, reason: `expected a quoted value after ${tk.v} =` };
      raw.push(v.v);
    } else if (op.t === 'word' && op.v.toUpperCase() === 'IN') {
      for (let j = i + 3; j < tokens.length; j++) {
        const v = tokens[j];
        if (v === undefined || (v.t === 'punct' && v.v === ')')) break;
        if (v.t === 'str') raw.push(v.v);
      }
    }
    for (const r of raw) {
      const value = normaliseAs(kind, r);
      if (value === null) return { ok: false, reason: `${tk.v} value ${JSON.stringify(r.slice(0, 80))} is not valid` };
      values.push({ kind, value });
    }
  }
  return { ok: true, values };
}
