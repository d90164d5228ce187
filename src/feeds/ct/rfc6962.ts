/**
 * An RFC 6962 log reader: get-sth (signature checked with the log key when known) and get-entries,
 * whose batch size shrinks to what the log actually returns (logs cap it silently).
 */
import type { LogHttp } from './http.js';
import { treeHeadSignatureInput, verifyDigitallySigned, type LogKey } from './checkpoint.js';
import { verifyConsistency } from './consistency.js';
import { checkExtraData, readMerkleTreeLeaf, type LeafEntry } from './leaf.js';
import type { BadEntry, CtLogReader, HeadResult, RawBatch, ReadFailure, TreeHead } from './reader.js';

export interface Rfc6962Config {
  readonly name: string;
  /** The log's base URL; endpoints are `<url>ct/v1/…`. */
  readonly url: string;
  readonly key?: LogKey;
  readonly http: LogHttp;
  readonly warn: (message: string) => void;
  /** The first batch asked for; it shrinks to the log's own cap. */
  readonly batchSize?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(body: Buffer, what: string): unknown | string {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (e) {
    return `${what}: not JSON (${(e as Error).message})`;
  }
}

export class Rfc6962Reader implements CtLogReader {
  readonly name: string;
  private readonly base: string;
  private batch: number;
  private size = -1;
  private root: Buffer | undefined;
  private warned = false;

  constructor(private readonly config: Rfc6962Config) {
    this.name = config.name;
    this.base = config.url.endsWith('/') ? config.url : `${config.url}/`;
    this.batch = config.batchSize ?? 1000;
  }

  /** The batch size the reader has settled on. */
  get batchSize(): number {
    return this.batch;
  }

  trust(head: TreeHead): void {
    this.size = head.size;
    this.root = Buffer.from(head.root);
  }

  async head(): Promise<HeadResult> {
    const url = `${this.base}ct/v1/get-sth`;
    const r = await this.config.http.get(url);
    if (!r.ok) return r;
    const j = parseJson(r.body, url);
    if (typeof j === 'string') return { ok: false, message: j };
    if (!isRecord(j)) return { ok: false, message: `${url}: not a JSON object` };
    const { tree_size: size, timestamp, sha256_root_hash: root, tree_head_signature: sig } = j;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return { ok: false, message: `${url}: tree_size ${JSON.stringify(size)} is not a non-negative integer` };
    if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp)) return { ok: false, message: `${url}: timestamp is not an integer` };
    if (typeof root !== 'string' || Buffer.from(root, 'base64').length !== 32) return { ok: false, message: `${url}: sha256_root_hash is not 32 base64 bytes` };
    if (typeof sig !== 'string') return { ok: false, message: `${url}: tree_head_signature missing` };
    if (this.config.key !== undefined) {
      const input = treeHeadSignatureInput(BigInt(timestamp), size, Buffer.from(root, 'base64'));
      const err = verifyDigitallySigned(input, Buffer.from(sig, 'base64'), this.config.key.key);
      if (err !== undefined) return { ok: false, message: `${url}: STH at size ${size}: ${err}` };
    } else if (!this.warned) {
      this.warned = true;
      this.config.warn(`${this.name}: no log key given: the signed tree head is NOT verified`);
    }
    if (size < this.size) return { ok: false, message: `${url}: tree size shrank from ${this.size} to ${size}` };
    const rootHash = Buffer.from(root, 'base64');
    const inconsistent = await this.consistency(size, rootHash);
    if (inconsistent !== undefined) return { ok: false, message: `${this.name}: STH at ${size} is NOT consistent with the one at ${this.size}: ${inconsistent}` };
    this.size = size;
    this.root = rootHash;
    return { ok: true, size, root: rootHash };
  }

  /** Checks the new head against the last trusted one (get-sth-consistency); until it holds, the old one stays trusted. */
  private async consistency(size: number, root: Buffer): Promise<string | undefined> {
    if (this.root === undefined || this.size <= 0) return undefined;
    if (size === this.size) return verifyConsistency(size, size, [], this.root, root);
    const url = `${this.base}ct/v1/get-sth-consistency?first=${this.size}&second=${size}`;
    const r = await this.config.http.get(url);
    if (!r.ok) return r.message;
    const j = parseJson(r.body, url);
    if (typeof j === 'string') return j;
    const list = isRecord(j) ? j.consistency : undefined;
    if (!Array.isArray(list) || !list.every((h) => typeof h === 'string')) return `${url}: no "consistency" array of strings`;
    const proof = (list as string[]).map((h) => Buffer.from(h, 'base64'));
    if (proof.some((h) => h.length !== 32)) return `${url}: a proof hash is not 32 bytes`;
    return verifyConsistency(this.size, size, proof, this.root, root);
  }

  async *read(start: number, end: number): AsyncIterable<RawBatch | ReadFailure> {
    for (let i = start; i < end; ) {
      const b = await this.fetchBatch(i, Math.min(end, i + this.batch));
      yield b;
      if ('failed' in b) return;
      i = b.end;
    }
  }

  private async fetchBatch(start: number, end: number): Promise<RawBatch | ReadFailure> {
    const url = `${this.base}ct/v1/get-entries?start=${start}&end=${end - 1}`;
    const fail = (message: string): ReadFailure => ({ failed: true, at: start, message: `${this.name}: ${message}` });
    const r = await this.config.http.get(url);
    if (!r.ok) return fail(r.message);
    const j = parseJson(r.body, url);
    if (typeof j === 'string') return fail(j);
    const list = isRecord(j) ? j.entries : undefined;
    if (!Array.isArray(list)) return fail(`${url}: no "entries" array`);
    if (list.length === 0) return fail(`${url}: no entries returned`);
    if (list.length > end - start) return fail(`${url}: ${list.length} entries returned for ${end - start} asked`);
    // Logs cap get-entries silently; asking for more than the cap only costs a larger response.
    if (list.length < end - start) this.batch = list.length;
    const entries: { index: number; entry: LeafEntry }[] = [];
    const bad: BadEntry[] = [];
    for (const [k, item] of list.entries()) {
      const index = start + k;
      const got = this.entry(item);
      if (typeof got === 'string') bad.push({ index, message: got });
      else entries.push({ index, entry: got });
    }
    return { start, end: start + list.length, entries, bad };
  }

  private entry(item: unknown): LeafEntry | string {
    if (!isRecord(item) || typeof item.leaf_input !== 'string' || typeof item.extra_data !== 'string') return 'entry lacks leaf_input/extra_data strings';
    const leaf = Buffer.from(item.leaf_input, 'base64');
    const r = readMerkleTreeLeaf(leaf);
    if (!r.ok) return `leaf_input: ${r.error.message}`;
    return checkExtraData(Buffer.from(item.extra_data, 'base64'), r.entry.precert) ?? r.entry;
  }
}
