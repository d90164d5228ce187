/**
 * A local CT log on 127.0.0.1 made of the real navigli2025h2 entries, served two ways:
 * static-ct-api under /tiled/ (real data and level-0 tiles; the level-1 tile and a checkpoint signed
 * with a key made here, since the log published none) and RFC 6962 under /rfc/ct/v1/ (each real
 * certificate re-encoded as a MerkleTreeLeaf: a third as X.509 entries from the submitted
 * precertificates, the rest as the logged precert entries). Faults are switched on per test.
 */
import { createServer, type Server } from 'node:http';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { NAVIGLI, NAVIGLI_TILES, NAVIGLI_SIZE, navigliDataTile } from './ct-data.js';
import { readTileLeaf } from '../../src/feeds/ct/leaf.js';
import { logKeyFromBase64, type LogKey } from '../../src/feeds/ct/checkpoint.js';

export interface CtServerOptions {
  /** Tree size both APIs announce (at most 1,024). */
  size?: number;
  /** get-entries returns at most this many. */
  maxBatch?: number;
  /** get-entries answers 429 the first time a request starts at one of these indexes. */
  throttleAt?: readonly number[];
  /** get-entries serves garbage leaf_input at these indexes. */
  garbageAt?: readonly number[];
  /** The tiled API serves data tile 001 with one flipped byte. */
  tamperTile?: boolean;
  /** The tiled API serves the real names tiles (gzipped, as sunlight stores them); none by default. */
  namesTiles?: boolean;
  /** With namesTiles: names tile 002 is served one line short. */
  shortNamesTile?: boolean;
}

export interface CtServer {
  readonly url: string;
  readonly tiledUrl: string;
  readonly rfcUrl: string;
  /** Base64 DER SubjectPublicKeyInfo of the signing key, as a log list gives it. */
  readonly key: string;
  readonly options: CtServerOptions;
  /** How many get-entries requests and 429s were served. */
  readonly stats: { getEntries: number; throttled: number };
  /** A v3 log list naming both logs with their key. */
  logList(): string;
  /** Serves a tree of `size` entries from now on; with `forkLeaf`, that leaf's hash replaced (a log that rewrote history). */
  setSize(size: number, forkLeaf?: number): void;
  close(): Promise<void>;
}

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RFC 6962 §2.1, written out plainly as the reference the client's tile arithmetic is checked against. */
export function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Uint8Array.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

function u24(n: number): Buffer {
  return Buffer.from([(n >> 16) & 255, (n >> 8) & 255, n & 255]);
}

interface RealEntry {
  readonly tileLeaf: Buffer;
  readonly timestampedEntry: Buffer;
  readonly preCertificate: Buffer;
}

function realEntries(): RealEntry[] {
  const out: RealEntry[] = [];
  for (const t of NAVIGLI_TILES) {
    const data = navigliDataTile(t);
    for (let p = 0; p < data.length; ) {
      const r = readTileLeaf(data, p);
      if (!r.ok) throw new Error(`navigli tile ${t}: ${r.error.message}`);
      out.push({ tileLeaf: data.subarray(p, r.next), timestampedEntry: Buffer.from(r.entry.timestampedEntry), preCertificate: Buffer.from(r.entry.preCertificate!) });
      p = r.next;
    }
  }
  return out;
}

/** RFC 6962 leaf i: every third entry as an X.509 entry of its submitted precertificate. */
function rfcLeaf(e: RealEntry, i: number): { leaf: Buffer; extra: Buffer } {
  if (i % 3 !== 0) return { leaf: Buffer.concat([Buffer.from([0, 0]), e.timestampedEntry]), extra: Buffer.concat([u24(e.preCertificate.length), e.preCertificate, u24(0)]) };
  const c = e.preCertificate;
  const leaf = Buffer.concat([Buffer.from([0, 0]), e.timestampedEntry.subarray(0, 8), Buffer.from([0, 0]), u24(c.length), c, Buffer.from([0, 0])]);
  return { leaf, extra: u24(0) };
}

function treeHeadInput(ts: bigint, size: number, root: Buffer): Buffer {
  const b = Buffer.alloc(50);
  b[1] = 1;
  b.writeBigUInt64BE(ts, 2);
  b.writeBigUInt64BE(BigInt(size), 10);
  root.copy(b, 18);
  return b;
}

function digitallySigned(priv: KeyObject, input: Buffer): Buffer {
  const sig = sign('sha256', input, priv);
  const head = Buffer.from([4, 3, sig.length >> 8, sig.length & 255]);
  return Buffer.concat([head, sig]);
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) over leaf hashes, written out plainly as the reference. */
export function consistencyProof(m: number, leaves: readonly Buffer[], whole = true): Buffer[] {
  const n = leaves.length;
  if (m === n) return whole ? [] : [mth(leaves)];
  let k = 1;
  while (k * 2 < n) k *= 2;
  if (m <= k) return [...consistencyProof(m, leaves.slice(0, k), whole), mth(leaves.slice(k))];
  return [...consistencyProof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
}

export async function startCtServer(options: CtServerOptions = {}): Promise<CtServer> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const logId = sha256(spki);
  const ts = 1746300000000n;
  const origin = 'navigli.test';

  const entries = realEntries();
  const level0 = Buffer.concat(NAVIGLI_TILES.map((t) => readFileSync(`${NAVIGLI}tile/0/${t}`)));
  const tileHashes = entries.map((_, i) => level0.subarray(i * 32, (i + 1) * 32));
  const rfc = entries.map(rfcLeaf);
  const rfcHashes = rfc.map((e) => sha256(Uint8Array.of(0), e.leaf));
  const keyId = sha256(Buffer.from(`${origin}\n`), Uint8Array.of(5), logId).subarray(0, 4);
  const tsBytes = Buffer.alloc(8);
  tsBytes.writeBigUInt64BE(ts);

  // The served tree: its size and, to play a log that rewrote history, one leaf replaced.
  let size = 0;
  let leafHashes: Buffer[] = [];
  let rfcLeafHashes: Buffer[] = [];
  let checkpoint = '';
  let sth = {};
  function build(n: number, forkLeaf?: number): void {
    size = Math.min(n, NAVIGLI_SIZE);
    const fork = (h: Buffer, i: number): Buffer => (i === forkLeaf ? sha256(Buffer.from('forked'), h) : h);
    leafHashes = tileHashes.slice(0, size).map(fork);
    rfcLeafHashes = rfcHashes.slice(0, size).map(fork);
    const root = mth(leafHashes);
    const noteSig = Buffer.concat([keyId, tsBytes, digitallySigned(privateKey, treeHeadInput(ts, size, root))]);
    checkpoint = `${origin}\n${size}\n${root.toString('base64')}\n\n\u2014 ${origin} ${noteSig.toString('base64')}\n`;
    const rfcRoot = mth(rfcLeafHashes);
    sth = {
      tree_size: size,
      timestamp: Number(ts),
      sha256_root_hash: rfcRoot.toString('base64'),
      tree_head_signature: digitallySigned(privateKey, treeHeadInput(ts, size, rfcRoot)).toString('base64'),
    };
  }
  build(options.size ?? NAVIGLI_SIZE);

  function getConsistency(q: URLSearchParams): { status: number; body: string } {
    const first = Number(q.get('first'));
    const second = Number(q.get('second'));
    if (!Number.isInteger(first) || second !== size || first < 1 || first > second) return { status: 400, body: 'bad range' };
    return { status: 200, body: JSON.stringify({ consistency: consistencyProof(first, rfcLeafHashes).map((h) => h.toString('base64')) }) };
  }

  const stats = { getEntries: 0, throttled: 0 };
  const throttled = new Set<number>();

  function tile(path: string): Buffer | undefined {
    const full = Math.floor(size / 256);
    const w = size % 256;
    const m = /^tile\/(0|1|data|names)\/(\d{3})(?:\.p\/(\d+))?$/.exec(path);
    if (m === null) return undefined;
    const [, kind, n, width] = m;
    const index = Number(n);
    const want = width === undefined ? 256 : Number(width);
    if (kind === '1') {
      // Level 1 of a tree under 65,536 leaves: one partial tile of the level-0 tile hashes.
      if (index !== 0 || want !== full || full === 0) return undefined;
      return Buffer.concat(Array.from({ length: full }, (_, t) => mth(leafHashes.slice(t * 256, (t + 1) * 256))));
    }
    if (index > full || (index === full && want !== w) || (index < full && want !== 256)) return undefined;
    const from = index * 256;
    const to = from + want;
    if (kind === '0') return Buffer.concat(leafHashes.slice(from, to));
    if (kind === 'names') {
      if (options.namesTiles !== true) return undefined;
      const lines = readFileSync(`${NAVIGLI}tile/names/${n}`, 'utf8').split('\n').slice(0, want - (options.shortNamesTile === true && index === 2 ? 1 : 0));
      return gzipSync(`${lines.join('\n')}\n`);
    }
    const data = Buffer.concat(entries.slice(from, to).map((e) => e.tileLeaf));
    if (options.tamperTile === true && index === 1) data[500] = data[500]! ^ 1;
    return data;
  }

  function getEntries(q: URLSearchParams): { status: number; body: string } {
    stats.getEntries++;
    const start = Number(q.get('start'));
    const end = Number(q.get('end'));
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || start >= size) return { status: 400, body: 'bad range' };
    if (options.throttleAt?.includes(start) && !throttled.has(start)) {
      throttled.add(start);
      stats.throttled++;
      return { status: 429, body: 'slow down' };
    }
    const last = Math.min(end, size - 1, start + (options.maxBatch ?? 1000) - 1);
    const out = [];
    for (let i = start; i <= last; i++) {
      const e = rfc[i]!;
      const garbage = options.garbageAt?.includes(i) === true;
      out.push({ leaf_input: garbage ? 'AAAB' : e.leaf.toString('base64'), extra_data: e.extra.toString('base64') });
    }
    return { status: 200, body: JSON.stringify({ entries: out }) };
  }

  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    let status = 200;
    let body: string | Buffer | undefined;
    if (u.pathname === '/tiled/checkpoint') body = checkpoint;
    else if (u.pathname.startsWith('/tiled/')) body = tile(u.pathname.slice('/tiled/'.length));
    else if (u.pathname === '/rfc/ct/v1/get-sth') body = JSON.stringify(sth);
    else if (u.pathname === '/rfc/ct/v1/get-entries') ({ status, body } = getEntries(u.searchParams));
    else if (u.pathname === '/rfc/ct/v1/get-sth-consistency') ({ status, body } = getConsistency(u.searchParams));
    else if (u.pathname === '/loglist.json') body = api.logList();
    if (body === undefined) status = 404;
    res.writeHead(status, { 'content-type': 'application/octet-stream' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = spki.toString('base64');
  const api: CtServer = {
    url,
    tiledUrl: `${url}/tiled/`,
    rfcUrl: `${url}/rfc/`,
    key,
    options,
    stats,
    setSize: build,
    logList: () =>
      JSON.stringify({
        version: '3.0',
        operators: [
          {
            name: 'test',
            logs: [{ description: 'navigli rfc6962', log_id: logId.toString('base64'), key, url: `${url}/rfc/`, mmd: 86400, state: { usable: { timestamp: '2025-01-01T00:00:00Z' } } }],
            tiled_logs: [
              { description: 'navigli tiled', log_id: logId.toString('base64'), key, submission_url: `${url}/tiled/`, monitoring_url: `${url}/tiled/`, mmd: 60, state: { usable: { timestamp: '2025-01-01T00:00:00Z' } } },
            ],
          },
        ],
      }),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
  return api;
}

/** The server's signing key as the client holds it. */
export function serverKey(s: CtServer): LogKey {
  const k = logKeyFromBase64(s.key);
  if (typeof k === 'string') throw new Error(k);
  return k;
}
