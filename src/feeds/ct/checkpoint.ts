/**
 * static-ct-api checkpoints: a signed note (c2sp.org/signed-note) whose body is origin, tree size
 * and root hash, signed with an RFC6962NoteSignature (timestamp + TreeHeadSignature) by the log key.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** The note's signature lines, unverified: key name and decoded bytes. */
  readonly signatures: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** The signed text (everything before the blank line, with its final newline). */
  readonly body: string;
}

export type CheckpointRead = { readonly ok: true; readonly checkpoint: Checkpoint } | { readonly ok: false; readonly message: string };

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Parses a checkpoint note; `where` names the input in messages. */
export function parseCheckpoint(text: string, where = 'checkpoint'): CheckpointRead {
  const fail = (line: number, reason: string): CheckpointRead => ({ ok: false, message: `${where}: line ${line}: ${reason}` });
  const split = text.indexOf('\n\n');
  if (split < 0) return fail(1, 'no blank line between the body and the signatures');
  const body = text.slice(0, split + 1);
  const lines = body.split('\n');
  const [origin, sizeText, rootText] = lines;
  if (origin === undefined || origin === '') return fail(1, 'empty origin line');
  if (sizeText === undefined || !/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) return fail(2, `tree size ${JSON.stringify(sizeText)} is not a decimal integer`);
  const treeSize = Number(sizeText);
  if (!Number.isSafeInteger(treeSize)) return fail(2, `tree size ${sizeText} is too large`);
  if (rootText === undefined || !B64.test(rootText)) return fail(3, 'root hash is not base64');
  const rootHash = Buffer.from(rootText, 'base64');
  if (rootHash.length !== 32) return fail(3, `root hash has ${rootHash.length} bytes, not 32`);
  const signatures: { name: string; bytes: Uint8Array }[] = [];
  const sigLines = text.slice(split + 2).split('\n');
  for (const [i, line] of sigLines.entries()) {
    if (line === '') continue;
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (m === null || !B64.test(m[2]!)) return fail(lines.length + 1 + i, 'malformed signature line');
    signatures.push({ name: m[1]!, bytes: Buffer.from(m[2]!, 'base64') });
  }
  if (signatures.length === 0) return fail(lines.length + 1, 'no signature');
  return { ok: true, checkpoint: { origin, treeSize, rootHash, signatures, body } };
}

/** A log's public key as the log list gives it: base64 DER SubjectPublicKeyInfo. */
export interface LogKey {
  readonly key: KeyObject;
  /** RFC 6962 LogID: SHA-256 of the DER SubjectPublicKeyInfo. */
  readonly logId: Buffer;
}

export function logKeyFromBase64(spkiBase64: string): LogKey | string {
  try {
    const der = Buffer.from(spkiBase64, 'base64');
    return { key: createPublicKey({ key: der, format: 'der', type: 'spki' }), logId: createHash('sha256').update(der).digest() };
  } catch (e) {
    return `log key is not a DER SubjectPublicKeyInfo: ${(e as Error).message}`;
  }
}

/** The note key ID of an RFC 6962 note signature: SHA-256(name || 0x0A || 0x05 || LogID)[:4]. */
export function rfc6962KeyId(name: string, logId: Uint8Array): Buffer {
  return createHash('sha256').update(name).update(Uint8Array.of(0x0a, 0x05)).update(logId).digest().subarray(0, 4);
}

/** The bytes RFC 6962 §3.5 signs for a tree head. */
export function treeHeadSignatureInput(timestamp: bigint, treeSize: number, rootHash: Uint8Array): Buffer {
  const b = Buffer.alloc(2 + 8 + 8 + 32);
  b[0] = 0; // v1
  b[1] = 1; // tree_hash
  b.writeBigUInt64BE(timestamp, 2);
  b.writeBigUInt64BE(BigInt(treeSize), 10);
  b.set(rootHash, 18);
  return b;
}

/**
 * Verifies a DigitallySigned struct (hash alg, signature alg, opaque signature<0..2^16-1>) over `input`.
 * Returns an error message, or undefined when the signature is good.
 */
export function verifyDigitallySigned(input: Uint8Array, ds: Uint8Array, key: KeyObject): string | undefined {
  if (ds.length < 4) return 'signature struct truncated';
  if (ds[0] !== 4) return `hash algorithm ${ds[0]} is not SHA-256`;
  const len = (ds[2]! << 8) | ds[3]!;
  if (4 + len !== ds.length) return `signature length ${len} does not match the ${ds.length - 4} bytes present`;
  const ok = verify('sha256', input, key, ds.subarray(4));
  return ok ? undefined : 'signature does not verify';
}

export interface VerifiedTreeHead {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** Milliseconds since the epoch, from the signature. */
  readonly timestamp: number;
}

/** Checks the checkpoint's RFC 6962 note signature by `key` under key name `name` (the origin by default). */
export function verifyCheckpoint(cp: Checkpoint, key: LogKey, name = cp.origin): { ok: true; head: VerifiedTreeHead } | { ok: false; message: string } {
  const keyId = rfc6962KeyId(name, key.logId);
  const mine = cp.signatures.filter((s) => s.name === name && s.bytes.length > 12 && keyId.equals(s.bytes.subarray(0, 4)));
  if (mine.length === 0) return { ok: false, message: `checkpoint of ${cp.origin}: no signature by key ${name} (${keyId.toString('hex')})` };
  let last = '';
  for (const s of mine) {
    const body = Buffer.from(s.bytes.buffer, s.bytes.byteOffset + 4, s.bytes.length - 4);
    const timestamp = body.readBigUInt64BE(0);
    const err = verifyDigitallySigned(treeHeadSignatureInput(timestamp, cp.treeSize, cp.rootHash), body.subarray(8), key.key);
    if (err === undefined) return { ok: true, head: { treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: Number(timestamp) } };
    last = err;
  }
  return { ok: false, message: `checkpoint of ${cp.origin} at size ${cp.treeSize}: ${last}` };
}
