/**
 * A static-ct-api (c2sp.org/static-ct-api) log reader: the checkpoint, verified with the log key when
 * one is known; the tree checked against the hash tiles; data tiles (full, or `.p/<width>` at the
 * right edge) parsed into TileLeaf entries whose leaf hashes must match the proven level-0 tiles.
 */
import type { LogHttp } from './http.js';
import { maybeGunzip } from './http.js';
import { parseCheckpoint, verifyCheckpoint, type LogKey } from './checkpoint.js';
import { readTileLeaf, type LeafEntry } from './leaf.js';
import { readNamesTile } from './names-tile.js';
import { HASH_SIZE, TILE_WIDTH, leafHashOfEntry, tilePath, tileWidth } from './merkle.js';
import type { BadEntry, CtLogReader, HeadResult, RawBatch, ReadFailure, TreeHead } from './reader.js';
import { TreeVerifier } from './tree.js';

export interface TiledLogConfig {
  readonly name: string;
  /** The monitoring prefix; tiles are under `<url>/tile/…`, the checkpoint at `<url>/checkpoint`. */
  readonly url: string;
  /** The log's key from the log list; without it the checkpoint signature is not checked. */
  readonly key?: LogKey;
  readonly http: LogHttp;
  /** Messages for a person (stderr). */
  readonly warn: (message: string) => void;
  /**
   * Read names tiles where the log serves them, and data tiles only where it does not (or a names tile
   * is refused): no certificate fingerprint, issuer or validity then, and the names are the log's word,
   * not checked against the tree (the tree itself still is).
   */
  readonly namesTiles?: boolean;
}

const MAX_TILE_BYTES = 64 << 20;

export class TiledLogReader implements CtLogReader {
  readonly name: string;
  private readonly base: string;
  private tree: TreeVerifier | undefined;
  /** The last head trusted: the tree's, or one verified in an earlier run. */
  private trusted: TreeHead | undefined;
  private warnedUnverified = false;
  /** False once the log answered 404 for a names tile: it serves none. */
  private namesServed: boolean;

  constructor(private readonly config: TiledLogConfig) {
    this.name = config.name;
    this.base = config.url.endsWith('/') ? config.url : `${config.url}/`;
    this.namesServed = config.namesTiles === true;
  }

  private async fetch(path: string): Promise<Buffer | string> {
    const r = await this.config.http.get(this.base + path);
    if (!r.ok) return r.message;
    const body = maybeGunzip(r.body, MAX_TILE_BYTES);
    return typeof body === 'string' ? `${this.base}${path}: ${body}` : body;
  }

  /** A tile at the right edge may have been replaced by the full tile: fall back to it (`full` says so). */
  private async fetchTile(kind: number | 'data' | 'names', index: number, width: number): Promise<{ body: Buffer; full: boolean } | string> {
    const got = await this.fetch(tilePath(kind, index, width));
    if (typeof got !== 'string') return { body: got, full: width === TILE_WIDTH };
    if (width === TILE_WIDTH || !got.includes('HTTP 404')) return got;
    const full = await this.fetch(tilePath(kind, index));
    return typeof full === 'string' ? full : { body: full, full: true };
  }

  private async hashTile(level: number, index: number, width: number): Promise<Buffer | string> {
    const t = await this.fetchTile(level, index, width);
    return typeof t === 'string' ? t : t.body.subarray(0, width * HASH_SIZE);
  }

  trust(head: TreeHead): void {
    this.trusted = head;
  }

  async head(): Promise<HeadResult> {
    const text = await this.fetch('checkpoint');
    if (typeof text === 'string') return { ok: false, message: text };
    const parsed = parseCheckpoint(text.toString('utf8'), `${this.base}checkpoint`);
    if (!parsed.ok) return parsed;
    const cp = parsed.checkpoint;
    if (this.config.key !== undefined) {
      const v = verifyCheckpoint(cp, this.config.key);
      if (!v.ok) return v;
    } else if (!this.warnedUnverified) {
      this.warnedUnverified = true;
      this.config.warn(`${this.name}: no log key given: the checkpoint signature is NOT verified (the tree is still checked against the hash tiles)`);
    }
    const old = this.trusted;
    if (old !== undefined && cp.treeSize < old.size) {
      return { ok: false, message: `${this.name}: checkpoint shrank from ${old.size} to ${cp.treeSize}` };
    }
    const tree = new TreeVerifier(cp.treeSize, cp.rootHash, (level, index, width) => this.hashTile(level, index, width));
    const bad = await tree.verifyRoot();
    if (bad !== undefined) return { ok: false, message: `${this.name}: ${bad}` };
    if (old !== undefined && old.size > 0) {
      // The new tree must contain the old one unchanged; until it does, the old head stays the trusted one.
      const then = await tree.rootAt(old.size);
      if (typeof then === 'string') return { ok: false, message: `${this.name}: consistency with the checkpoint at ${old.size}: ${then}` };
      if (!then.equals(old.root)) return { ok: false, message: `${this.name}: checkpoint at ${cp.treeSize} is NOT consistent with the one at ${old.size}: the log rewrote entries already read` };
    }
    this.tree = tree;
    this.trusted = { size: cp.treeSize, root: cp.rootHash };
    return { ok: true, size: cp.treeSize, root: cp.rootHash };
  }

  async *read(start: number, end: number): AsyncIterable<RawBatch | ReadFailure> {
    const tree = this.tree;
    if (tree === undefined || end > tree.size) {
      yield { failed: true, at: start, message: `${this.name}: read up to ${end} beyond the verified head` };
      return;
    }
    for (let t = Math.floor(start / TILE_WIDTH); t * TILE_WIDTH < end; t++) {
      const [from, to] = [Math.max(start, t * TILE_WIDTH), Math.min(end, (t + 1) * TILE_WIDTH)];
      const r = (this.namesServed ? await this.readNamesTile(tree, t, from, to) : undefined) ?? (await this.readTile(tree, t, from, to));
      yield r;
      if ('failed' in r) return;
    }
  }

  /** Entries [from, to) of names tile `t`, or undefined (after a warning) to read the data tile instead. */
  private async readNamesTile(tree: TreeVerifier, t: number, from: number, to: number): Promise<RawBatch | undefined> {
    const width = tileWidth(tree.size, 0, t);
    const got = await this.fetchTile('names', t, width);
    if (typeof got === 'string') {
      if (got.includes('HTTP 404')) {
        this.namesServed = false;
        this.config.warn(`${this.name}: serves no names tiles (${got}); reading data tiles`);
      } else this.config.warn(`${this.name}: names tile ${t}: ${got}; reading the data tile`);
      return undefined;
    }
    const r = readNamesTile(got.body, got.full ? TILE_WIDTH : width, t * TILE_WIDTH);
    if (!r.ok) {
      this.config.warn(`${this.name}: names tile ${t}: ${r.message}; reading the data tile`);
      return undefined;
    }
    const named = r.entries.filter((e) => e.index >= from && e.index < to);
    return { start: from, end: to, entries: [], named, bad: [] };
  }

  private async readTile(tree: TreeVerifier, t: number, from: number, to: number): Promise<RawBatch | ReadFailure> {
    const width = tileWidth(tree.size, 0, t);
    const fail = (message: string): ReadFailure => ({ failed: true, at: from, message: `${this.name}: data tile ${t}: ${message}` });
    const [got, hashes] = await Promise.all([this.fetchTile('data', t, width), tree.tile(0, t)]);
    if (typeof got === 'string') return fail(got);
    const data = got.body;
    if (typeof hashes === 'string') return fail(hashes);
    const entries: { index: number; entry: LeafEntry }[] = [];
    const bad: BadEntry[] = [];
    let p = 0;
    for (let i = 0; i < width; i++) {
      const index = t * TILE_WIDTH + i;
      const r = readTileLeaf(data, p);
      if (!r.ok) return fail(`entry ${index}: ${r.error.message}; the tile holds fewer than ${width} entries or is corrupt`);
      p = r.next;
      const h = leafHashOfEntry(r.entry.timestampedEntry);
      if (h.compare(hashes, i * HASH_SIZE, (i + 1) * HASH_SIZE) !== 0) return fail(`entry ${index}: leaf hash does not match the tree`);
      if (index < from || index >= to) continue;
      if (r.entry.leafIndex !== undefined && r.entry.leafIndex !== index) bad.push({ index, message: `leaf_index extension says ${r.entry.leafIndex}` });
      else entries.push({ index, entry: r.entry });
    }
    // A full tile fetched in place of a vanished partial one carries more entries than the width.
    if (p !== data.length && !(got.full && width < TILE_WIDTH)) return fail(`${data.length - p} bytes after entry ${width}: a tile of the wrong length`);
    return { start: from, end: to, entries, bad };
  }
}
