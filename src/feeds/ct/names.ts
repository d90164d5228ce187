/** Turns the certificates of a raw log batch into Names with their provenance. */
import { hash } from 'node:crypto';
import type { CertInfo, Name, Provenance } from '../../engine/index.js';
import { readCertificate, readTbsCertificate, WANT_ISSUER, WANT_NAMES, WANT_VALIDITY, type CertFields } from './der.js';
import type { LeafEntry } from './leaf.js';
import type { NamedEntry } from './names-tile.js';
import type { BadEntry } from './reader.js';

/** A subject CN is only taken as a name when it looks like one (CNs also hold people and e-mails). */
function dnsLike(cn: string): boolean {
  return cn.includes('.') && !cn.includes(' ') && !cn.includes('@');
}

function issuerOf(cn: string | undefined, o: string | undefined): string | undefined {
  if (cn !== undefined && o !== undefined && cn !== o) return `${cn}, ${o}`;
  return cn ?? o;
}

const DETAILS = WANT_ISSUER | WANT_VALIDITY;

/**
 * A certificate's details, computed when first read: most names never match, and the SHA-256, the
 * issuer and the validity cost more than reading the names (bench/ct: ~2 µs of ~6 µs per entry).
 * A class with getters rather than an object of closures: creating one is as cheap as a plain object.
 * The getters live on the prototype, so `toJSON` gives the plain form; copy with `plainProvenance`
 * before handing a Name to anything that clones (worker threads) or spreads it.
 */
class LazyCertInfo implements CertInfo {
  private fp: string | undefined;
  private details: CertFields | null | undefined;
  constructor(private readonly entry: LeafEntry) {}

  get precert(): boolean {
    return this.entry.precert;
  }
  get fingerprint(): string {
    return (this.fp ??= hash('sha256', this.entry.cert, 'hex'));
  }
  private fields(): CertFields | null {
    if (this.details !== undefined) return this.details;
    const e = this.entry;
    const r = e.precert ? readTbsCertificate(e.cert, DETAILS) : readCertificate(e.cert, DETAILS);
    return (this.details = r.ok ? r.fields : null);
  }
  get issuer(): string | undefined {
    const f = this.fields();
    return f === null ? undefined : issuerOf(f.issuerCN, f.issuerO);
  }
  get notBefore(): string | undefined {
    return this.fields()?.notBefore;
  }
  get notAfter(): string | undefined {
    return this.fields()?.notAfter;
  }
  toJSON(): CertInfo {
    return { fingerprint: this.fingerprint, issuer: this.issuer, notBefore: this.notBefore, notAfter: this.notAfter, precert: this.precert };
  }
}

class LazyProvenance implements Provenance {
  private at: string | undefined;
  readonly position: string;
  readonly cert: LazyCertInfo;
  constructor(readonly source: string, index: number, private readonly entry: LeafEntry) {
    this.position = String(index);
    this.cert = new LazyCertInfo(entry);
  }
  get seenAt(): string {
    return (this.at ??= new Date(this.entry.timestamp).toISOString());
  }
  toJSON(): Provenance {
    return { source: this.source, position: this.position, seenAt: this.seenAt, cert: this.cert.toJSON() };
  }
}

/** A provenance as plain data (for cloning or spreading): the lazy one's values, computed now. */
export function plainProvenance(p: Provenance): Provenance {
  return p instanceof LazyProvenance ? p.toJSON() : p;
}

/** True when `name` is `*.x` beside an `x` of the same certificate: the matcher sees both as `x`, and the store would keep one sighting. */
function coveredWildcard(name: string, names: readonly string[], cn: string | undefined): boolean {
  if (!name.startsWith('*.')) return false;
  const bare = name.slice(2);
  return bare === cn || names.includes(bare);
}

/** Appends a certificate's CN (when it looks like a name) and SANs, each once, `*.x` dropped beside `x`. */
function pushNames(commonName: string | undefined, sans: readonly string[], provenance: Provenance, out: Name[]): void {
  const cn = commonName !== undefined && dnsLike(commonName) ? commonName : undefined;
  if (cn !== undefined && !sans.includes(cn) && !coveredWildcard(cn, sans, undefined)) out.push({ name: cn, provenance });
  for (let i = 0; i < sans.length; i++) {
    const name = sans[i]!;
    // SAN lists rarely repeat a name; when they do, the earlier copy wins.
    if (sans.indexOf(name) !== i || coveredWildcard(name, sans, cn)) continue;
    out.push({ name, provenance });
  }
}

/**
 * Appends the names of one entry to `out`; returns an error message when its certificate is malformed.
 * Names are deduplicated within the certificate (the CN is usually repeated in the SANs, and `*.x`
 * usually comes with `x`). Only the names are read here; the rest of the certificate on demand.
 */
export function namesOfEntry(source: string, index: number, entry: LeafEntry, out: Name[]): string | undefined {
  const r = entry.precert ? readTbsCertificate(entry.cert, WANT_NAMES) : readCertificate(entry.cert, WANT_NAMES);
  if (!r.ok) return `malformed ${entry.precert ? 'precertificate TBS' : 'certificate'}: ${r.error.message}`;
  const f = r.fields;
  if (f.dnsNames.length === 0 && (f.commonName === undefined || !dnsLike(f.commonName))) return undefined;
  pushNames(f.commonName, f.dnsNames, new LazyProvenance(source, index, entry), out);
  return undefined;
}

/** Names of entries read from a names tile: no certificate details; `receivedAt` stands in for a missing timestamp. */
export function namesOfNamed(source: string, named: readonly NamedEntry[], receivedAt: string, out: Name[]): void {
  for (const e of named) {
    const provenance: Provenance = { source, position: String(e.index), seenAt: e.timestamp === undefined ? receivedAt : new Date(e.timestamp).toISOString() };
    pushNames(e.commonName, e.dnsNames, provenance, out);
  }
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
