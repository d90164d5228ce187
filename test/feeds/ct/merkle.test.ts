import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { partialLevels, rootFromPartialTiles, tilePath, tileWidth, treeHashOf } from '../../../src/feeds/ct/merkle.js';

test('tile paths use x-prefixed 3-digit groups and .p/<width> for partial tiles', () => {
  assert.equal(tilePath(0, 1234067), 'tile/0/x001/x234/067');
  assert.equal(tilePath('data', 5), 'tile/data/005');
  assert.equal(tilePath('data', 1000, 17), 'tile/data/x001/000.p/17');
  assert.equal(tilePath(2, 0, 1), 'tile/2/000.p/1');
});

test('the spec example: a tree of 70,000 has 273 full level-0 tiles, partials of 112, 17 and 1', () => {
  assert.deepEqual(partialLevels(70000), [
    { level: 0, index: 273, width: 112 },
    { level: 1, index: 1, width: 17 },
    { level: 2, index: 0, width: 1 },
  ]);
  assert.equal(tileWidth(70000, 0, 272), 256);
  assert.equal(tileWidth(70000, 0, 274), 0);
  assert.deepEqual(partialLevels(256), [{ level: 1, index: 0, width: 1 }]);
});

const h = (i: number): Buffer => createHash('sha256').update(`leaf ${i}`).digest();
const LEAVES = Buffer.concat(Array.from({ length: 70000 }, (_, i) => h(i)));

test('the root made from partial tiles equals the plain RFC 6962 tree hash, for any size', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 1, max: 1100 }), fc.integer({ min: 65530, max: 70000 })), (size) => {
      const leaves = LEAVES.subarray(0, size * 32);
      // Tiles built the slow way: level l entry i is the tree hash of its 256^l leaves.
      const tiles = new Map<number, Uint8Array>();
      for (const { level, index, width } of partialLevels(size)) {
        const span = 256 ** level;
        const hashes = Array.from({ length: width }, (_, k) => treeHashOf(leaves, (index * 256 + k) * span, span));
        tiles.set(level, Buffer.concat(hashes));
      }
      const root = rootFromPartialTiles(size, tiles);
      assert.ok(Buffer.isBuffer(root));
      assert.ok(root.equals(treeHashOf(leaves, 0, size)));
    }),
    { numRuns: 12 },
  );
});
