import { parse } from 'tldts';
import { toHostname } from './hostname.js';
import type { PermuteTarget } from './types.js';

/**
 * Second-level words that registries commonly put under a country code. Under a TLD the public
 * suffix list does not know (`brand.gov.xx`), a label from this set is taken as part of the suffix
 * so that `brand` stays the label the fuzzers change.
 */
const SECOND_LEVEL_WORDS = new Set([
  'ac', 'co', 'com', 'edu', 'gob', 'gouv', 'gov', 'govt', 'mil', 'net', 'nic', 'nom', 'or', 'org', 'sch',
]);

/**
 * Cuts a domain into prefix, registrable label and public suffix, or returns null when it is not
 * a valid hostname or has no label left of its suffix (`co.uk`, `localhost`). Only ICANN
 * suffixes count: lookalikes must be registrable from a registry, and `github.io` is not one.
 */
export function splitTarget(input: string): PermuteTarget | null {
  let name = input.trim().toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.startsWith('*.')) name = name.slice(2);
  const host = toHostname(name);
  if (host === null) return null;
  const p = parse(host.ascii, { allowPrivateDomains: false });
  if (p.isIp === true || p.publicSuffix === null || p.domainWithoutSuffix === null || p.domainWithoutSuffix === '') return null;
  let suffix = p.publicSuffix;
  let label = p.domainWithoutSuffix;
  let sub = p.subdomain ?? '';
  if (p.isIcann !== true && sub !== '' && SECOND_LEVEL_WORDS.has(label)) {
    suffix = `${label}.${suffix}`;
    const cut = sub.lastIndexOf('.');
    label = sub.slice(cut + 1);
    sub = cut < 0 ? '' : sub.slice(0, cut);
  }
  const display = host.display.split('.');
  const labelIndex = display.length - suffix.split('.').length - 1;
  return {
    domain: host.ascii,
    prefix: sub === '' ? '' : `${sub}.`,
    label: display[labelIndex] ?? label,
    suffix,
  };
}
