import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BrandIndex } from '../../../src/engine/brands/compile.js';
import type { Target } from '../../../src/engine/brands/target.js';
import { clampScore, type Detection } from '../../../src/engine/detect/detection.js';
import { aggregate } from '../../../src/engine/match/aggregate.js';
import { parseName, type Hit, type Technique } from '../../../src/engine/index.js';

const parsed = parseName('login.exarnple.com');
if (!parsed.ok) throw new Error('test name does not parse');
const NAME = parsed.name;
const BRANDS = ['alpha', 'beta', 'gamma', 'delta'];
const INDEX = { brands: BRANDS.map((name) => ({ name, domains: [], keywords: [], allowlist: [] })) } as unknown as BrandIndex;
const TECHNIQUES: Technique[] = ['typo', 'homoglyph', 'combo', 'tld-swap'];

function target(id: number): Target {
  // Two domains per brand: targets 0,1 are brand 0, 2,3 brand 1...
  const brand = Math.floor(id / 2) % BRANDS.length;
  return { id, brand, domain: `${BRANDS[brand]}${id % 2}.com` } as unknown as Target;
}

/** The aggregation as first written (one Map, every brand worked out in full): what the fast paths must agree with. */
function reference(detections: readonly Detection[], threshold: number): Hit[] {
  const best = new Map<number, Detection>();
  for (const d of detections) {
    const prev = best.get(d.target.brand);
    if (prev === undefined || d.score > prev.score || (d.score === prev.score && d.target.id < prev.target.id)) best.set(d.target.brand, d);
  }
  const hits: Hit[] = [];
  for (const brand of [...best.keys()].sort((a, b) => a - b)) {
    const top = best.get(brand);
    if (top === undefined) continue;
    const techniques: Technique[] = [];
    const reasons: string[] = [];
    for (const d of detections) {
      if (d.target.brand !== brand || d.target.domain !== top.target.domain) continue;
      for (const t of d.techniques) if (!techniques.includes(t)) techniques.push(t);
      for (const r of d.reasons) if (!reasons.includes(r)) reasons.push(r);
    }
    const score = clampScore(top.score + 0.04 * (techniques.length - top.techniques.length));
    if (score < threshold) continue;
    hits.push({ name: NAME.host, display: NAME.display, domain: NAME.domain, brand: BRANDS[brand] ?? '', brandDomain: top.target.domain, score, techniques, reasons });
  }
  return hits.sort((a, b) => b.score - a.score);
}

const detection = fc.record({
  id: fc.integer({ min: 0, max: 7 }),
  score: fc.constantFrom(0.3, 0.46, 0.5, 0.55, 0.7, 0.88, 0.99),
  techniques: fc.array(fc.constantFrom(...TECHNIQUES), { maxLength: 3 }),
  reasons: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
});

test('property: aggregate agrees with the plain Map-based aggregation, for few and for many detections', () => {
  fc.assert(
    fc.property(fc.array(detection, { maxLength: 60 }), fc.constantFrom(0, 0.2, 0.5, 0.6, 0.9), (raw, threshold) => {
      const detections: Detection[] = raw.map((r) => ({ target: target(r.id), score: r.score, techniques: r.techniques, reasons: r.reasons }));
      assert.deepEqual([...aggregate(NAME, detections, INDEX, threshold)], reference(detections, threshold));
    }),
    { numRuns: 3000 },
  );
});

test('a brand under the threshold is dropped even when a second technique on its domain brings it near', () => {
  const d = (id: number, score: number, techniques: Technique[]): Detection => ({ target: target(id), score, techniques, reasons: [techniques.join()] });
  // 0.46 + 0.04 = 0.5: the extra technique lifts it to the threshold; on the other domain it would not count.
  assert.equal(aggregate(NAME, [d(0, 0.46, ['typo']), d(0, 0.3, ['combo'])], INDEX, 0.5).length, 1);
  assert.equal(aggregate(NAME, [d(0, 0.46, ['typo']), d(1, 0.3, ['combo'])], INDEX, 0.5).length, 0);
  assert.equal(aggregate(NAME, [], INDEX, 0).length, 0);
});

test("a brand's reasons are read only when its hit reaches the threshold (lazy detections build them when read)", () => {
  let reads = 0;
  const lazy = (id: number, score: number): Detection => ({
    target: target(id),
    score,
    techniques: ['combo'],
    get reasons() {
      reads++;
      return ['r'];
    },
  });
  assert.equal(aggregate(NAME, [lazy(0, 0.3), lazy(2, 0.3)], INDEX, 0.5).length, 0);
  assert.equal(reads, 0);
  // Past FEW detections, every brand is worked out in full: still no reasons read below the threshold.
  assert.equal(aggregate(NAME, Array.from({ length: 40 }, (_, i) => lazy(i % 8, 0.3)), INDEX, 0.5).length, 0);
  assert.equal(reads, 0);
  assert.deepEqual(aggregate(NAME, [lazy(0, 0.7), lazy(0, 0.3)], INDEX, 0.5)[0]?.reasons, ['r']);
  assert.equal(reads, 2);
});

test("one detection's hit has its techniques in a fresh array, each once, a repeat taking its extra off the score", () => {
  const frozen = Object.freeze<Technique[]>(['combo', 'typo']);
  const [hit] = aggregate(NAME, [{ target: target(2), score: 0.7, techniques: frozen, reasons: ['r', 'r'] }], INDEX, 0.5);
  assert.ok(hit !== undefined);
  assert.deepEqual([hit.brand, hit.brandDomain, hit.score, hit.techniques, hit.reasons], ['beta', 'beta0.com', 0.7, ['combo', 'typo'], ['r']]);
  assert.notEqual(hit.techniques, frozen);
  assert.equal(Object.isFrozen(hit.techniques), false);
  const repeated = aggregate(NAME, [{ target: target(2), score: 0.7, techniques: ['typo', 'typo'], reasons: [] }], INDEX, 0);
  assert.deepEqual([repeated[0]?.score, repeated[0]?.techniques], [0.66, ['typo']]);
  assert.equal(aggregate(NAME, [{ target: target(2), score: 0.52, techniques: ['typo', 'typo'], reasons: [] }], INDEX, 0.5).length, 0);
});
