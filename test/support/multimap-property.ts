import assert from 'node:assert/strict';
import fc from 'fast-check';

/**
 * The property every hash → ids multimap of the index keeps: built from random (key, id) pairs, each key gives back
 * its distinct ids in increasing order, and a key never added gives none. `idsOf` reads one key's ids from the map.
 */
export function assertMultimapProperty<M>(build: (keys: number[], ids: number[]) => M, idsOf: (map: M, key: number) => number[]): void {
  const key = fc.oneof(fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1), fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 40 }));
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.nat({ max: 50 })), { maxLength: 300 }), fc.array(key, { maxLength: 30 }), (pairs, probes) => {
      const map = build(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
      const expected = new Map<number, Set<number>>();
      for (const [k, id] of pairs) expected.set(k, (expected.get(k) ?? new Set()).add(id));
      for (const k of [...expected.keys(), ...probes]) assert.deepEqual(idsOf(map, k), [...(expected.get(k) ?? [])].sort((a, b) => a - b), `key ${k}`);
    }),
    { numRuns: 500 },
  );
}
