/** Turns the certificates of a raw log batch into Names with their provenance. */
import { hash } from 'node:crypto';
import type { CertInfo, Name } from '../../engine/index.js';
import { readCertificate, readTbsCertificate, WANT_ALL } from './der.js';
import type { LeafEntry } from './leaf.js';
import type { BadEntry } from './reader.js';

/** A subject CN is only taken as a name when it looks like one (CNs also hold people and e-mails). */
function dnsLike(cn: string): boolean {
  return cn.includes('.') && !cn.includes(' ') && !cn.includes('@');
}

function issuerOf(cn: string | undefined, o: string | undefined): string | undefined {
  if (cn !== undefined && o !== undefined && cn !== o) return `${cn}, ${o}`;
  return cn ?? o;
}

/**
 * Appends the names of one entry to `out`; returns an error message when its certificate is malformed.
 * Names are deduplicated within the certificate (the CN is usually repeated in the SANs).
 */
export function namesOfEntry(source: string, index: number, entry: LeafEntry, out: Name[]): string | undefined {
  const r = entry.precert ? readTbsCertificate(entry.cert, WANT_ALL) : readCertificate(entry.cert, WANT_ALL);
  if (!r.ok) return `malformed ${entry.precert ? 'precertificate TBS' : 'certificate'}: ${r.error.message}`;
  const f = r.fields;
  const names = f.commonName !== undefined && dnsLike(f.commonName) && !f.dnsNames.includes(f.commonName) ? [f.commonName, ...f.dnsNames] : f.dnsNames;
  if (names.length === 0) return undefined;
  const cert: CertInfo = {
    fingerprint: hash('sha256', entry.cert, 'hex'),
    issuer: issuerOf(f.issuerCN, f.issuerO),
    notBefore: f.notBefore,
    notAfter: f.notAfter,
    precert: entry.precert,
  };
  const provenance = { source, position: String(index), seenAt: new Date(entry.timestamp).toISOString(), cert };
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, provenance });
  }
  return undefined;
}

/** Names of a batch's entries; malformed ones are reported through `bad`. */
export function namesOfEntries(source: string, entries: readonly { readonly index: number; readonly entry: LeafEntry }[], bad: BadEntry[]): Name[] {
  const out: Name[] = [];
  for (const { index, entry } of entries) {
    const err = namesOfEntry(source, index, entry, out);
    if (err !== undefined) bad.push({ index, message: err });
  }
  return out;
}
