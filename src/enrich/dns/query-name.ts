import { domainToASCII } from 'node:url';

/**
 * The name as it goes on the wire (lower-case ASCII, no trailing dot), or null when it is not a
 * name worth sending: labels of 1–63 letters, digits, hyphens or underscores (`_dmarc`), ≤ 253 in all.
 */
export function queryName(input: string): string | null {
  let name = input.trim().toLowerCase().replace(/\.$/, '');
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(name)) name = domainToASCII(name);
  if (name === '' || name.length > 253) return null;
  for (const label of name.split('.')) {
    if (label.length === 0 || label.length > 63 || !/^[a-z0-9_-]+$/.test(label)) return null;
  }
  return name;
}
