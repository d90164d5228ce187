import { domainToASCII, domainToUnicode } from 'node:url';
import type { NameError } from '../types.js';
import { HostLabels, labelStep, suffixLabel } from './suffix.js';

/** A name split for matching. All fields are lower-case; `host`, `domain`, `label` are ASCII (punycode). */
export interface ParsedName {
  /** The whole host name, ASCII, no trailing dot, no `*.`. */
  readonly host: string;
  /** The host for display (IDN labels as Unicode). */
  readonly display: string;
  /** The registrable domain: the label left of the public suffix, with the suffix. */
  readonly domain: string;
  /** The registrable domain's own label (`en-marche` in `mail.en-marche.fr`). */
  readonly label: string;
  /** The public suffix, ICANN or private (`fr`, `co.uk`, `github.io`). */
  readonly suffix: string;
  /** What stands left of the registrable domain (`mail` in `mail.en-marche.fr`), or ''. */
  readonly sub: string;
  /** True when any label of the host is an IDN (`xn--`). */
  readonly idn: boolean;
  /** `label` and `sub` in Unicode (the same strings when the host is not IDN): what homoglyphs are judged on. */
  readonly uLabel: string;
  readonly uSub: string;
}

export type ParseResult = { readonly ok: true; readonly name: ParsedName } | { readonly ok: false; readonly error: NameError };

const CODE_a = 97;
const CODE_z = 122;
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_HYPHEN = 45;
const CODE_DOT = 46;
const CODE_UNDERSCORE = 95;
const CODE_STAR = 42;
const CODE_x = 120;
const CODE_n = 110;

// Names come in every string shape (sliced lines, JSON strings...): see skeleton.ts for why charCodeAt is called this way.
const charCodeAt = String.prototype.charCodeAt;

const KIND_DOT = 1;
const KIND_DIGIT = 2;
const KIND_LETTER = 4;
/** What each ASCII code is in a lower-case host: 0 for a code no label may hold (upper case too: the fast path leaves it to the general one, which lower-cases first). */
const CHAR_KIND: Uint8Array = (() => {
  const kinds = new Uint8Array(128);
  for (let c = CODE_a; c <= CODE_z; c++) kinds[c] = KIND_LETTER;
  for (let c = CODE_0; c <= CODE_9; c++) kinds[c] = KIND_DIGIT;
  kinds[CODE_HYPHEN] = KIND_LETTER;
  kinds[CODE_UNDERSCORE] = KIND_LETTER;
  kinds[CODE_DOT] = KIND_DOT;
  return kinds;
})();

/** The labels of the host being parsed (at most 127 in a host of at most 253 codes), read by split. */
const hostLabels = new HostLabels();

/** Lower-cases, strips a trailing dot and a leading `*.`, and maps IDN to ASCII. Returns '' for what cannot be a host. */
function canonicalHost(input: string): string {
  let s = input.trim();
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.startsWith('*.')) s = s.slice(2);
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  // domainToASCII does full IDNA mapping (case folding, width, NFC); it returns '' on what IDNA refuses.
  return ascii ? s.toLowerCase() : domainToASCII(s);
}

/** Checks LDH rules label by label without slicing; returns the first error, or null, and whether an xn-- label was seen. */
function checkLabels(host: string): { error: NameError | null; idn: boolean } {
  let start = 0;
  let idn = false;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? host.charCodeAt(i) : CODE_DOT;
    if (c === CODE_DOT) {
      const len = i - start;
      if (len === 0) return { error: 'empty-label', idn };
      if (len > 63) return { error: 'label-too-long', idn };
      if (host.charCodeAt(start) === CODE_HYPHEN || host.charCodeAt(i - 1) === CODE_HYPHEN) return { error: 'bad-hyphen', idn };
      if (len > 4 && host.startsWith('xn--', start)) idn = true;
      start = i + 1;
      continue;
    }
    // The one table of what a label may hold, shared with the fast path (dots were handled above).
    if ((CHAR_KIND[c] ?? 0) === 0) return { error: 'bad-character', idn };
  }
  return { error: null, idn };
}

function looksLikeIPv4(host: string): boolean {
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c !== CODE_DOT && (c < CODE_0 || c > CODE_9)) return false;
  }
  return true;
}

/**
 * Parses any input name. Never throws: bad input yields an error code for the caller to count.
 * Most names in a feed are already canonical (lower-case ASCII, no trailing dot): one pass over their
 * codes settles them; anything else (upper case, Unicode, xn--, errors, IPv4) takes the general path.
 */
export function parseName(input: string): ParseResult {
  const parsed = parseHost(input);
  return typeof parsed === 'string' ? { ok: false, error: parsed } : { ok: true, name: parsed };
}

/** parseName without the result wrapper (one object fewer a name): the parsed name, or why it is none. */
export function parseHost(input: string): ParsedName | NameError {
  return parseCanonical(input) ?? parseAny(input);
}

/**
 * The fast path: `input` (or what follows a leading `*.`) is already a valid lower-case LDH host with no IDN label,
 * so the general path would keep it as it is. Returns null for anything else, for parseAny to judge.
 */
function parseCanonical(input: string): ParsedName | NameError | null {
  const n = input.length;
  if (n === 0 || n > 253) return null;
  let from = 0;
  if (charCodeAt.call(input, 0) === CODE_STAR) {
    if (charCodeAt.call(input, 1) !== CODE_DOT) return null;
    from = 2;
  }
  // The labels' ends and hashes are taken in this pass for the suffix walk, which then reads no code of its own.
  const labels = hostLabels;
  const ends = labels.end;
  const hashes = labels.hash;
  let count = 0;
  let hash = 0;
  let start = from;
  let kinds = 0;
  for (let i = from; i < n; i++) {
    const code = charCodeAt.call(input, i);
    // Past the table (non-ASCII) reads undefined: 0, like any code the fast path does not take.
    const kind = CHAR_KIND[code] ?? 0;
    if (kind === KIND_DOT) {
      if (!plainLabel(input, start, i)) return null;
      ends[count] = i - from;
      hashes[count++] = hash;
      hash = 0;
      start = i + 1;
    } else if (kind === 0) return null;
    else hash = labelStep(hash, code);
    kinds |= kind;
  }
  // Digits and dots only: an IPv4 address, which the general path names.
  if (!plainLabel(input, start, n) || (kinds & KIND_LETTER) === 0) return null;
  ends[count] = n - from;
  hashes[count++] = hash;
  labels.count = count;
  const host = from === 0 ? input : input.slice(from);
  return split(host, host, false);
}

/**
 * Whether input[start, end) is a label the general path would keep as it is: 1 to 63 codes, no hyphen at either end, no xn--.
 * Codes read through the inlined charCodeAt (input.charCodeAt and startsWith were megamorphic calls, several a label).
 */
function plainLabel(input: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 0 || len > 63 || charCodeAt.call(input, start) === CODE_HYPHEN || charCodeAt.call(input, end - 1) === CODE_HYPHEN) return false;
  return !(
    len > 4 &&
    charCodeAt.call(input, start + 2) === CODE_HYPHEN &&
    charCodeAt.call(input, start + 3) === CODE_HYPHEN &&
    charCodeAt.call(input, start) === CODE_x &&
    charCodeAt.call(input, start + 1) === CODE_n
  );
}

/** The general path: trims, lower-cases, maps IDN, and names what is wrong. */
function parseAny(input: string): ParsedName | NameError {
  if (input.length === 0 || input.trim().length === 0) return 'empty';
  if (input.length > 1024) return 'too-long';
  if (input.includes(':') || input.startsWith('[')) return 'ip-address';
  const host = canonicalHost(input);
  if (host.length === 0) return input.includes('xn--') ? 'bad-punycode' : 'bad-character';
  if (host.length > 253) return 'too-long';
  const { error, idn } = checkLabels(host);
  if (error !== null) return error;
  if (looksLikeIPv4(host)) return 'ip-address';
  let display = host;
  if (idn) {
    display = domainToUnicode(host);
    // An xn-- label that does not decode, or does not round-trip, is not a real IDN.
    if (display.length === 0 || domainToASCII(display) !== host) return 'bad-punycode';
  }
  hostLabels.load(host);
  return split(host, display, idn);
}

/**
 * Splits a checked host, whose labels hostLabels holds, at its public suffix, private suffixes included on purpose:
 * `en-marche.github.io` belongs to whoever holds that page, not to GitHub. The rest is sliced here, as tldts'
 * getDomain would.
 */
function split(host: string, display: string, idn: boolean): ParsedName | NameError {
  const labels = hostLabels;
  const first = suffixLabel(host, labels);
  if (first === 0) return 'no-suffix';
  const suffix = host.slice((labels.end[first - 1] ?? 0) + 1);
  const labelEnd = host.length - suffix.length - 1;
  // The registrable label is the one left of the suffix: its start is known from the labels, no code read.
  const labelStart = labels.start(first - 1);
  const label = host.slice(labelStart, labelEnd);
  const sub = labelStart === 0 ? '' : host.slice(0, labelStart - 1);
  return {
    host,
    display,
    domain: labelStart === 0 ? host : host.slice(labelStart),
    label,
    suffix,
    sub,
    idn,
    uLabel: idn ? domainToUnicode(label) : label,
    uSub: idn && sub.length > 0 ? domainToUnicode(sub) : sub,
  };
}

/** A sentence for each parse error, for messages that name the line and the reason. */
export const NAME_ERROR_TEXT: Readonly<Record<NameError, string>> = {
  empty: 'empty name',
  'too-long': 'name longer than 253 characters',
  'label-too-long': 'a label is longer than 63 characters',
  'empty-label': 'empty label (two dots in a row, or a leading dot)',
  'bad-character': 'character not allowed in a host name',
  'bad-punycode': 'invalid punycode (xn--) label',
  'bad-hyphen': 'a label starts or ends with a hyphen',
  'ip-address': 'an IP address, not a name',
  'no-suffix': 'no registrable domain (a bare public suffix or a single label)',
};
