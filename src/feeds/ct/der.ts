/**
 * A small DER reader for the few fields a watcher needs from an X.509 certificate or a
 * precertificate's TBSCertificate: subject CN, SAN dNSNames, issuer CN/O, validity.
 * It walks the TLVs in place (no tree, no copies) and never throws: malformed input gives a
 * typed error with the byte offset. Full parsers run at ~1-8k certs/s here; this walks ~10^5-10^6.
 */

export type DerErrorCode = 'truncated' | 'bad-tag' | 'bad-length';

export interface DerError {
  readonly code: DerErrorCode;
  /** Byte offset inside the input where reading failed. */
  readonly offset: number;
  readonly message: string;
}

export interface CertFields {
  /** Subject commonName, when present (may be a DNS name, an e-mail, or anything). */
  commonName: string | undefined;
  /** SAN dNSName entries, in certificate order. */
  dnsNames: string[];
  issuerCN: string | undefined;
  issuerO: string | undefined;
  /** ISO 8601, or undefined when absent or not a valid DER time. */
  notBefore: string | undefined;
  notAfter: string | undefined;
}

export type CertResult = { readonly ok: true; readonly fields: CertFields } | { readonly ok: false; readonly error: DerError };

/** Ask for less work: names only skips issuer and validity decoding. */
export const WANT_NAMES = 1;
export const WANT_ISSUER = 2;
export const WANT_VALIDITY = 4;
export const WANT_ALL = WANT_NAMES | WANT_ISSUER | WANT_VALIDITY;

// The last header read: module state instead of a returned object keeps the walk allocation-free.
let tag = 0;
let bodyStart = 0;
let bodyEnd = 0;
let failCode: DerErrorCode = 'truncated';
let failAt = 0;

function fail(code: DerErrorCode, at: number): false {
  failCode = code;
  failAt = at;
  return false;
}

/** Reads the tag and length at `pos`, bounded by `end`; sets tag/bodyStart/bodyEnd. */
function header(b: Uint8Array, pos: number, end: number): boolean {
  if (pos + 2 > end) return fail('truncated', pos);
  const t = b[pos]!;
  if ((t & 0x1f) === 0x1f) return fail('bad-tag', pos); // multi-byte tags never occur in certificates
  let len = b[pos + 1]!;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) return fail('bad-length', pos + 1); // indefinite or > 4 GiB
    if (p + n > end) return fail('truncated', p);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p++]!;
  }
  if (p + len > end) return fail('truncated', p);
  tag = t;
  bodyStart = p;
  bodyEnd = p + len;
  return true;
}

function expect(b: Uint8Array, pos: number, end: number, want: number): boolean {
  if (!header(b, pos, end)) return false;
  return tag === want || fail('bad-tag', pos);
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf16 = new TextDecoder('utf-16be', { fatal: false });

function latin1(b: Uint8Array, s: number, e: number): string {
  // String.fromCharCode over short runs beats TextDecoder's call overhead (names are < 100 bytes).
  if (e - s > 64) return Buffer.from(b.buffer, b.byteOffset + s, e - s).toString('latin1');
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]!);
  return out;
}

/** Decodes a DirectoryString by its universal tag. */
function directoryString(b: Uint8Array, t: number, s: number, e: number): string {
  switch (t) {
    case 0x0c: // UTF8String
      for (let i = s; i < e; i++) if (b[i]! >= 0x80) return utf8.decode(b.subarray(s, e));
      return latin1(b, s, e);
    case 0x1e: // BMPString
      return utf16.decode(b.subarray(s, e));
    case 0x1c: { // UniversalString (UTF-32BE)
      let out = '';
      for (let i = s; i + 4 <= e; i += 4) {
        const cp = ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return out;
    }
    default: // PrintableString, IA5String, T61String, VisibleString, NumericString
      return latin1(b, s, e);
  }
}

// Attribute OIDs 2.5.4.x are encoded 06 03 55 04 x.
const OID_CN = 3;
const OID_O = 10;

let nameCN: string | undefined;
let nameO: string | undefined;

/** Reads a Name (SEQUENCE OF SET OF AttributeTypeAndValue) at [s,e); sets nameCN/nameO (the last of each, as Go does). */
function readName(b: Uint8Array, s: number, e: number, wantO: boolean): boolean {
  nameCN = undefined;
  nameO = undefined;
  let p = s;
  while (p < e) {
    if (!expect(b, p, e, 0x31)) return false;
    const setEnd = bodyEnd;
    let q = bodyStart;
    p = setEnd;
    while (q < setEnd) {
      if (!expect(b, q, setEnd, 0x30)) return false;
      const atvEnd = bodyEnd;
      q = atvEnd;
      if (!expect(b, bodyStart, atvEnd, 0x06)) return false;
      const os = bodyStart;
      const isAttr = bodyEnd - os === 3 && b[os] === 0x55 && b[os + 1] === 0x04;
      const which = isAttr ? b[os + 2]! : -1;
      if (which !== OID_CN && !(wantO && which === OID_O)) continue;
      if (!header(b, bodyEnd, atvEnd)) return false;
      const v = directoryString(b, tag, bodyStart, bodyEnd);
      if (which === OID_CN) nameCN = v;
      else nameO = v;
    }
  }
  return true;
}

function digits(b: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let i = s; i < s + n; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ to ISO 8601; undefined if not that shape. */
function time(b: Uint8Array, t: number, s: number, e: number): string | undefined {
  let year: number;
  let p: number;
  if (t === 0x17 && e - s === 13) {
    const yy = digits(b, s, 2);
    year = yy < 0 ? -1 : yy >= 50 ? 1900 + yy : 2000 + yy;
    p = s + 2;
  } else if (t === 0x18 && e - s === 15) {
    year = digits(b, s, 4);
    p = s + 4;
  } else return undefined;
  if (b[e - 1] !== 0x5a || year < 0) return undefined;
  const mo = digits(b, p, 2), d = digits(b, p + 2, 2), h = digits(b, p + 4, 2);
  const mi = digits(b, p + 6, 2), se = digits(b, p + 8, 2);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return undefined;
  return `${year}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(se)}Z`;
}

/** Reads SubjectAltName's GeneralNames at [s,e), pushing dNSName [2] entries. */
function readSan(b: Uint8Array, s: number, e: number, out: string[]): boolean {
  if (!expect(b, s, e, 0x30)) return false;
  const end = bodyEnd;
  let p = bodyStart;
  while (p < end) {
    if (!header(b, p, end)) return false;
    if (tag === 0x82) out.push(latin1(b, bodyStart, bodyEnd));
    p = bodyEnd;
  }
  return true;
}

/** Walks the Extensions SEQUENCE at [s,e) for the SAN (2.5.29.17 = 55 1d 11). */
function readExtensions(b: Uint8Array, s: number, e: number, out: string[]): boolean {
  if (!expect(b, s, e, 0x30)) return false;
  const end = bodyEnd;
  let p = bodyStart;
  while (p < end) {
    if (!expect(b, p, end, 0x30)) return false;
    const extEnd = bodyEnd;
    p = extEnd;
    if (!expect(b, bodyStart, extEnd, 0x06)) return false;
    const os = bodyStart;
    if (bodyEnd - os !== 3 || b[os] !== 0x55 || b[os + 1] !== 0x1d || b[os + 2] !== 0x11) continue;
    if (!header(b, bodyEnd, extEnd)) return false;
    if (tag === 0x01 && !header(b, bodyEnd, extEnd)) return false; // critical BOOLEAN
    if (tag !== 0x04) return fail('bad-tag', bodyStart);
    if (!readSan(b, bodyStart, bodyEnd, out)) return false;
  }
  return true;
}

/** Reads the TBSCertificate whose SEQUENCE header starts at `pos`. */
function readTbs(b: Uint8Array, pos: number, end: number, want: number, f: CertFields): boolean {
  if (!expect(b, pos, end, 0x30)) return false;
  const tbsEnd = bodyEnd;
  let p = bodyStart;
  if (!header(b, p, tbsEnd)) return false;
  if (tag === 0xa0) { // [0] EXPLICIT version
    p = bodyEnd;
    if (!header(b, p, tbsEnd)) return false;
  }
  if (tag !== 0x02) return fail('bad-tag', p); // serialNumber
  p = bodyEnd;
  if (!expect(b, p, tbsEnd, 0x30)) return false; // signature AlgorithmIdentifier
  p = bodyEnd;
  if (!expect(b, p, tbsEnd, 0x30)) return false; // issuer
  p = bodyEnd;
  if (want & WANT_ISSUER) {
    if (!readName(b, bodyStart, bodyEnd, true)) return false;
    f.issuerCN = nameCN;
    f.issuerO = nameO;
  }
  if (!expect(b, p, tbsEnd, 0x30)) return false; // validity
  p = bodyEnd;
  if (want & WANT_VALIDITY) {
    const vEnd = bodyEnd;
    if (!header(b, bodyStart, vEnd)) return false;
    f.notBefore = time(b, tag, bodyStart, bodyEnd);
    if (!header(b, bodyEnd, vEnd)) return false;
    f.notAfter = time(b, tag, bodyStart, bodyEnd);
  }
  if (!expect(b, p, tbsEnd, 0x30)) return false; // subject
  p = bodyEnd;
  if (want & WANT_NAMES) {
    if (!readName(b, bodyStart, bodyEnd, false)) return false;
    f.commonName = nameCN;
  }
  if (!expect(b, p, tbsEnd, 0x30)) return false; // subjectPublicKeyInfo
  p = bodyEnd;
  while (p < tbsEnd) {
    if (!header(b, p, tbsEnd)) return false;
    p = bodyEnd;
    const t: number = tag; // header() reassigned it; TypeScript still narrows the module variable
    if (t === 0xa3 && want & WANT_NAMES) return readExtensions(b, bodyStart, bodyEnd, f.dnsNames);
  }
  return true;
}

function result(ok: boolean, f: CertFields): CertResult {
  if (ok) return { ok: true, fields: f };
  const message = `${failCode} at byte ${failAt}`;
  return { ok: false, error: { code: failCode, offset: failAt, message } };
}

function emptyFields(): CertFields {
  return { commonName: undefined, dnsNames: [], issuerCN: undefined, issuerO: undefined, notBefore: undefined, notAfter: undefined };
}

/** Reads a DER X.509 Certificate occupying `der[start, end)`. */
export function readCertificate(der: Uint8Array, want = WANT_ALL, start = 0, end = der.length): CertResult {
  const f = emptyFields();
  const ok = expect(der, start, end, 0x30) && readTbs(der, bodyStart, bodyEnd, want, f);
  return result(ok, f);
}

/** Reads a DER TBSCertificate (as in a precertificate log entry) occupying `der[start, end)`. */
export function readTbsCertificate(der: Uint8Array, want = WANT_ALL, start = 0, end = der.length): CertResult {
  const f = emptyFields();
  return result(readTbs(der, start, end, want, f), f);
}
