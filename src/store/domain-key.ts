import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * The key a finding is stored under, from what a person typed: lower case, no trailing dot,
 * punycode for IDNs. Unparseable input is returned lower-cased, so it simply finds nothing.
 */
export function domainKey(input: string): string {
  const trimmed = input.trim().toLowerCase().replace(/\.$/, '');
  if (/^[\x21-\x7e]*$/.test(trimmed)) return trimmed;
  return domainToASCII(trimmed) || trimmed;
}

/** The Unicode form of a stored (ASCII) domain, or the domain itself when it has none. */
export function displayForm(domain: string): string {
  if (!domain.includes('xn--')) return domain;
  return domainToUnicode(domain) || domain;
}
