/**
 * The binary log-entry structures of RFC 6962 (MerkleTreeLeaf, TimestampedEntry, extra_data)
 * and of static-ct-api (TileLeaf). Entries are views into the input: nothing is copied.
 */

export interface LeafEntry {
  /** Milliseconds since the epoch, as logged. */
  readonly timestamp: number;
  readonly precert: boolean;
  /** The DER certificate (x509_entry) or the TBSCertificate (precert_entry). */
  readonly cert: Uint8Array;
  /** From the static-ct-api leaf_index extension, when present. */
  readonly leafIndex: number | undefined;
  /** The TimestampedEntry bytes: the Merkle leaf hash is SHA-256(0x00 0x00 0x00 || these). */
  readonly timestampedEntry: Uint8Array;
  /** static-ct-api only: the full precertificate as submitted (an X.509 certificate with the poison extension). */
  readonly preCertificate?: Uint8Array;
}

export interface LeafError {
  readonly offset: number;
  readonly message: string;
}

export type LeafRead = { readonly ok: true; readonly entry: LeafEntry; readonly next: number } | { readonly ok: false; readonly error: LeafError };

const X509_ENTRY = 0;
const PRECERT_ENTRY = 1;

function bad(offset: number, message: string): LeafRead {
  return { ok: false, error: { offset, message: `${message} at byte ${offset}` } };
}

function u16(b: Uint8Array, p: number): number {
  return (b[p]! << 8) | b[p + 1]!;
}

function u24(b: Uint8Array, p: number): number {
  return (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
}

function u64(b: Uint8Array, p: number): number {
  const hi = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  const lo = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
  return hi * 0x100000000 + lo;
}

/** The leaf_index extension (type 0, 5-byte big-endian value) inside CtExtensions at [s,e). */
function leafIndexExtension(b: Uint8Array, s: number, e: number): number | undefined {
  let p = s;
  while (p + 3 <= e) {
    const type = b[p]!;
    const len = u16(b, p + 1);
    p += 3;
    if (p + len > e) return undefined;
    if (type === 0 && len === 5) return b[p]! * 0x100000000 + (((b[p + 1]! << 24) | (b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!) >>> 0);
    p += len;
  }
  return undefined;
}

// Where the last scanTimestampedEntry found things: module scratch, so reading a tile allocates only the entry.
let tsTimestamp = 0;
let tsPrecert = false;
let tsCertStart = 0;
let tsCertEnd = 0;
let tsLeafIndex: number | undefined;
let tsEnd = 0;

/** Scans a TimestampedEntry at `pos`, bounded by `end`, into the scratch above; returns an error or undefined. */
function scanTimestampedEntry(b: Uint8Array, pos: number, end: number): LeafRead | undefined {
  let p = pos;
  if (p + 10 > end) return bad(p, 'truncated TimestampedEntry header');
  const type = u16(b, p + 8);
  if (type !== X509_ENTRY && type !== PRECERT_ENTRY) return bad(pos + 8, `unknown entry_type ${type}`);
  tsTimestamp = u64(b, p);
  p += 10;
  tsPrecert = type === PRECERT_ENTRY;
  if (tsPrecert) {
    if (p + 32 > end) return bad(p, 'truncated issuer_key_hash');
    p += 32;
  }
  if (p + 3 > end) return bad(p, 'truncated certificate length');
  const len = u24(b, p);
  p += 3;
  if (len === 0 || p + len > end) return bad(p - 3, `certificate length ${len} overruns the entry`);
  tsCertStart = p;
  tsCertEnd = p + len;
  p += len;
  if (p + 2 > end) return bad(p, 'truncated extensions length');
  const extLen = u16(b, p);
  p += 2;
  if (p + extLen > end) return bad(p - 2, `extensions length ${extLen} overruns the entry`);
  tsLeafIndex = leafIndexExtension(b, p, p + extLen);
  tsEnd = p + extLen;
  return undefined;
}

/** Reads a TimestampedEntry at `pos`, bounded by `end`. */
export function readTimestampedEntry(b: Uint8Array, pos: number, end: number): LeafRead {
  const err = scanTimestampedEntry(b, pos, end);
  if (err !== undefined) return err;
  const entry: LeafEntry = { timestamp: tsTimestamp, precert: tsPrecert, cert: b.subarray(tsCertStart, tsCertEnd), leafIndex: tsLeafIndex, timestampedEntry: b.subarray(pos, tsEnd) };
  return { ok: true, entry, next: tsEnd };
}

/** Reads one static-ct-api TileLeaf at `pos` of a data tile; `next` is where the following one starts. */
export function readTileLeaf(b: Uint8Array, pos: number, end = b.length): LeafRead {
  const err = scanTimestampedEntry(b, pos, end);
  if (err !== undefined) return err;
  let p = tsEnd;
  let pre = -1;
  if (tsPrecert) {
    if (p + 3 > end) return bad(p, 'truncated pre_certificate length');
    const len = u24(b, p);
    pre = p + 3;
    p += 3 + len;
    if (p > end) return bad(pre - 3, `pre_certificate length ${len} overruns the tile`);
  }
  if (p + 2 > end) return bad(p, 'truncated certificate_chain length');
  const chainLen = u16(b, p);
  if (chainLen % 32 !== 0) return bad(p, `certificate_chain length ${chainLen} is not a multiple of 32`);
  const next = p + 2 + chainLen;
  if (next > end) return bad(p, `certificate_chain length ${chainLen} overruns the tile`);
  const entry: LeafEntry = {
    timestamp: tsTimestamp,
    precert: tsPrecert,
    cert: b.subarray(tsCertStart, tsCertEnd),
    leafIndex: tsLeafIndex,
    timestampedEntry: b.subarray(pos, tsEnd),
    preCertificate: pre < 0 ? undefined : b.subarray(pre, p),
  };
  return { ok: true, entry, next };
}

/** Reads an RFC 6962 MerkleTreeLeaf (get-entries `leaf_input`), which must fill `b` exactly. */
export function readMerkleTreeLeaf(b: Uint8Array): LeafRead {
  if (b.length < 2) return bad(0, 'truncated MerkleTreeLeaf');
  if (b[0] !== 0) return bad(0, `unknown MerkleTreeLeaf version ${b[0]}`);
  if (b[1] !== 0) return bad(1, `unknown leaf_type ${b[1]}`);
  const r = readTimestampedEntry(b, 2, b.length);
  if (r.ok && r.next !== b.length) return bad(r.next, `${b.length - r.next} trailing bytes after the TimestampedEntry`);
  return r;
}

/**
 * Checks an RFC 6962 `extra_data`: for X.509 a certificate_chain<0..2^24-1>, for a precertificate
 * a pre_certificate then a precertificate_chain. Returns an error message, or undefined when well formed.
 */
export function checkExtraData(b: Uint8Array, precert: boolean): string | undefined {
  let p = 0;
  if (precert) {
    if (b.length < 3) return 'extra_data: truncated pre_certificate length';
    p = 3 + u24(b, 0);
    if (p > b.length) return 'extra_data: pre_certificate overruns';
  }
  if (p + 3 > b.length) return 'extra_data: truncated chain length';
  const chainEnd = p + 3 + u24(b, p);
  if (chainEnd !== b.length) return `extra_data: chain length says ${chainEnd} bytes, got ${b.length}`;
  for (p += 3; p < chainEnd; ) {
    if (p + 3 > chainEnd) return 'extra_data: truncated certificate length in chain';
    p += 3 + u24(b, p);
  }
  return p === chainEnd ? undefined : 'extra_data: a chain certificate overruns the chain';
}
