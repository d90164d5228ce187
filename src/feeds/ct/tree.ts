/**
 * Hash tiles checked against a tree head: the rightmost partial tile of each level must give the
 * checkpoint's root, and every full tile must hash to its entry in the tile above. A level-0 tile
 * obtained here therefore proves the leaf hashes of its data tile are in the signed tree.
 */
import { HASH_SIZE, TILE_WIDTH, partialLevels, rootFromPartialTiles, tileWidth, treeHashOf } from './merkle.js';

/** Fetches hash tile `index` at `level` with `width` hashes (a partial path when width < 256). */
export type HashTileFetch = (level: number, index: number, width: number) => Promise<Buffer | string>;

const CACHE_LIMIT = 512; // upper-level tiles kept; 512 × 8 KiB

export class TreeVerifier {
  private readonly cache = new Map<string, Buffer>();
  /** The rightmost tile of each level, proven by the root; never evicted. */
  private readonly partials = new Map<string, Buffer>();

  constructor(
    readonly size: number,
    readonly root: Uint8Array,
    private readonly fetchTile: HashTileFetch,
  ) {}

  /** Fetches the partial tiles and checks they make the root; an error message when they do not. */
  async verifyRoot(): Promise<string | undefined> {
    const tiles = new Map<number, Uint8Array>();
    for (const { level, index, width } of partialLevels(this.size)) {
      const t = await this.fetchTile(level, index, width);
      if (typeof t === 'string') return t;
      if (t.length !== width * HASH_SIZE) return `hash tile ${level}/${index} has ${t.length} bytes, expected ${width * HASH_SIZE}`;
      tiles.set(level, t);
      this.partials.set(`${level}/${index}`, t);
    }
    const root = rootFromPartialTiles(this.size, tiles);
    if (typeof root === 'string') return root;
    if (!root.equals(this.root)) return `hash tiles give root ${root.toString('base64')}, the checkpoint says ${Buffer.from(this.root).toString('base64')}`;
    return undefined;
  }

  /**
   * The root of the first `size` leaves, from this tree's proven tiles: equal to an earlier checkpoint's
   * root exactly when this tree extends that one (the tiles of a smaller tree are prefixes of these).
   */
  async rootAt(size: number): Promise<Buffer | string> {
    const tiles = new Map<number, Uint8Array>();
    for (const { level, index, width } of partialLevels(size)) {
      const t = await this.tile(level, index);
      if (typeof t === 'string') return t;
      tiles.set(level, t.subarray(0, width * HASH_SIZE));
    }
    return rootFromPartialTiles(size, tiles);
  }

  /** The hashes of tile `index` at `level`, proven against the root (after verifyRoot succeeded). */
  async tile(level: number, index: number): Promise<Buffer | string> {
    const key = `${level}/${index}`;
    const hit = this.partials.get(key) ?? this.cache.get(key);
    if (hit !== undefined) return hit;
    const width = tileWidth(this.size, level, index);
    if (width !== TILE_WIDTH) return `hash tile ${key} is not in a tree of size ${this.size}`;
    const t = await this.fetchTile(level, index, width);
    if (typeof t === 'string') return t;
    if (t.length !== TILE_WIDTH * HASH_SIZE) return `hash tile ${key} has ${t.length} bytes, expected ${TILE_WIDTH * HASH_SIZE}`;
    const parent = await this.tile(level + 1, Math.floor(index / TILE_WIDTH));
    if (typeof parent === 'string') return parent;
    const at = (index % TILE_WIDTH) * HASH_SIZE;
    if (!treeHashOf(t, 0, TILE_WIDTH).equals(parent.subarray(at, at + HASH_SIZE))) return `hash tile ${key} does not hash to its entry in the level above`;
    if (level > 0) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, t);
    }
    return t;
  }
}
