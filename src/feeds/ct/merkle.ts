/**
 * RFC 6962 Merkle hashing and the tile geometry of c2sp.org/tlog-tiles: which tiles a tree of a
 * given size has, and how its root is made from the rightmost (partial) tile of each level.
 */
import { createHash, hash } from 'node:crypto';

export const TILE_WIDTH = 256;
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00, 0x00, 0x00); // leaf hash prefix, MerkleTreeLeaf version v1, leaf_type timestamped_entry
const NODE_PREFIX = Uint8Array.of(0x01);

// One-shot hash over a reused buffer: 1.6 µs instead of 2.1 µs per 700-byte entry with createHash().update().update() (bench/ct).
const scratch = Buffer.alloc(1 << 16);

/** SHA-256(0x00 || MerkleTreeLeaf) for a TimestampedEntry. */
export function leafHashOfEntry(timestampedEntry: Uint8Array): Buffer {
  const n = timestampedEntry.length + LEAF_PREFIX.length;
  if (n > scratch.length) return createHash('sha256').update(LEAF_PREFIX).update(timestampedEntry).digest();
  scratch.set(LEAF_PREFIX, 0);
  scratch.set(timestampedEntry, LEAF_PREFIX.length);
  return hash('sha256', scratch.subarray(0, n), 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH over `n` consecutive 32-byte hashes in `hashes` starting at hash `start` (RFC 6962 §2.1 split). */
export function treeHashOf(hashes: Uint8Array, start: number, n: number): Buffer {
  if (n === 1) return Buffer.from(hashes.subarray(start * HASH_SIZE, (start + 1) * HASH_SIZE));
  let k = 1;
  while (k * 2 < n) k *= 2;
  return nodeHash(treeHashOf(hashes, start, k), treeHashOf(hashes, start + k, n - k));
}

/** The path of tile `index` under `kind` (a level, `data` or `names`), with the x-prefixed 3-digit groups. */
export function tilePath(kind: number | 'data' | 'names', index: number, width = TILE_WIDTH): string {
  let n = '';
  let rest = index;
  do {
    const group = String(rest % 1000).padStart(3, '0');
    n = n === '' ? group : `x${group}/${n}`;
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return `tile/${kind}/${n}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** The width of tile `index` at `level` in a tree of `size` leaves (0 when the tile does not exist yet). */
export function tileWidth(size: number, level: number, index: number): number {
  const entries = Math.floor(size / TILE_WIDTH ** level); // hashes stored at this level
  const full = Math.floor(entries / TILE_WIDTH);
  if (index < full) return TILE_WIDTH;
  return index === full ? entries % TILE_WIDTH : 0;
}

/** The levels whose rightmost tile is partial (non-empty): together they determine the root. */
export function partialLevels(size: number): { level: number; index: number; width: number }[] {
  const out: { level: number; index: number; width: number }[] = [];
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const entries = Math.floor(size / TILE_WIDTH ** level);
    if (entries % TILE_WIDTH !== 0) out.push({ level, index: Math.floor(entries / TILE_WIDTH), width: entries % TILE_WIDTH });
  }
  return out;
}

/**
 * The root of a tree of `size` leaves from its partial tiles, highest level first: the leaves split
 * into runs of 256^level-leaf subtrees, and within each run RFC 6962's split falls on the same binary
 * boundaries, so each run is folded from its tile and the runs are folded right to left.
 */
export function rootFromPartialTiles(size: number, tiles: ReadonlyMap<number, Uint8Array>): Buffer | string {
  if (size === 0) return createHash('sha256').digest();
  // Perfect subtrees in left-to-right order: for each level from the top, split its run by the bits of its width.
  const parts: Buffer[] = [];
  for (const { level, width } of partialLevels(size).reverse()) {
    const tile = tiles.get(level);
    if (tile === undefined || tile.length !== width * HASH_SIZE) return `level ${level} tile should hold ${width} hashes, has ${tile === undefined ? 'none' : tile.length / HASH_SIZE}`;
    let at = 0;
    for (let bit = 128; bit >= 1; bit >>= 1) {
      if (width & bit) {
        parts.push(treeHashOf(tile, at, bit));
        at += bit;
      }
    }
  }
  let root = parts.pop()!;
  while (parts.length > 0) root = nodeHash(parts.pop()!, root);
  return root;
}
