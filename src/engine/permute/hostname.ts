import { domainToASCII, domainToUnicode } from 'node:url';

const DOT = 46;
const HYPHEN = 45;

function isLdh(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === HYPHEN;
}

/**
 * True for a lower-case ASCII hostname a registry could hold: 1–63 character labels of letters,
 * digits and inner hyphens, at most 253 characters, `--` at positions 3–4 only in valid `xn--`
 * labels, and a top-level label that is not all digits.
 */
export function isValidHostname(name: string): boolean {
  return checkHostname(name, true);
}

/** `checkALabels` false: the name just came out of IDNA, whose `xn--` labels need no second look. */
function checkHostname(name: string, checkALabels: boolean): boolean {
  const n = name.length;
  if (n === 0 || n > 253) return false;
  let start = 0;
  let allDigits = true;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? DOT : name.charCodeAt(i);
    if (c !== DOT) {
      if (!isLdh(c)) return false;
      if (c < 48 || c > 57) allDigits = false;
      continue;
    }
    const len = i - start;
    if (len === 0 || len > 63) return false;
    if (name.charCodeAt(start) === HYPHEN || name.charCodeAt(i - 1) === HYPHEN) return false;
    if (len >= 4 && name.charCodeAt(start + 2) === HYPHEN && name.charCodeAt(start + 3) === HYPHEN) {
      const label = name.slice(start, i);
      if (checkALabels ? !isValidALabel(label) : !label.startsWith('xn--')) return false;
    }
    if (i === n && allDigits) return false;
    start = i + 1;
    allDigits = true;
  }
  return true;
}

/** An `xn--` label that decodes and encodes back to itself (IDNA 2008 via WHATWG URL). */
function isValidALabel(label: string): boolean {
  if (!label.startsWith('xn--')) return false;
  const unicode = domainToUnicode(label);
  return unicode !== '' && unicode !== label && domainToASCII(unicode) === label;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * A candidate domain, Unicode or ASCII, as `{ ascii, display }`, or null when it is not a valid
 * hostname. ASCII candidates are only checked; Unicode ones go through IDNA (which may map
 * characters, e.g. upper case or compatibility forms, to others).
 */
export function toHostname(candidate: string): { ascii: string; display: string } | null {
  if (isAscii(candidate)) {
    if (!isValidHostname(candidate)) return null;
    return { ascii: candidate, display: candidate.includes('xn--') ? domainToUnicode(candidate) : candidate };
  }
  const ascii = domainToASCII(candidate);
  if (ascii === '' || !checkHostname(ascii, false)) return null;
  return { ascii, display: domainToUnicode(ascii) };
}
