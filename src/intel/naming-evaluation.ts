/**
 * An honest measure of the naming model: train on four fifths of every actor's names, score the fifth
 * kept back (by a hash of the label, so every TLD variant of a name stays on one side), fit the
 * temperature on half of the held-out names and report accuracy and calibration on the other half.
 * At most PER_ACTOR names per actor are scored, so the few actors with tens of thousands of names
 * (DGA-like lists) do not drown the others.
 */
import { type ReliabilityRow, type ScoredExample, fitTemperature, reliability, softmax } from './calibration.js';
import { domainHash, type Knowledge } from './knowledge.js';

const PER_ACTOR = 100;
const CANDIDATES = 30;

export interface NamingEvaluation {
  readonly actors: number;
  readonly calibrationExamples: number;
  readonly testExamples: number;
  readonly temperature: number;
  readonly top1: number;
  readonly top3: number;
  /** Brier score of the stated top-1 probability against whether it was right. */
  readonly brier: number;
  readonly reliability: readonly ReliabilityRow[];
}

interface Example extends ScoredExample {
  readonly order: number[];
}

/** `k` must have been built with `holdOut: true`. */
export function evaluateNaming(k: Knowledge): NamingEvaluation {
  const classOf = new Map(k.namingActors.map((id, c) => [id, c]));
  const actorClasses = k.naming.classCount - 1;
  const scores = new Float64Array(k.naming.classCount);
  const calibration: Example[] = [];
  const test: Example[] = [];
  const truths = new Map<string, number[]>();
  for (const [id, labels] of k.heldOut) {
    const c = classOf.get(id);
    if (c === undefined) continue;
    for (const l of labels) truths.set(l, [...(truths.get(l) ?? []), c]);
  }
  for (const [id, labels] of k.heldOut) {
    if (!classOf.has(id)) continue;
    const chosen = [...labels].sort((a, b) => domainHash(a) - domainHash(b)).slice(0, PER_ACTOR);
    for (const label of chosen) {
      k.naming.scores(label, scores);
      const order = topClasses(scores, actorClasses, CANDIDATES);
      const truth = (truths.get(label) ?? []).map((c) => order.indexOf(c)).filter((i) => i >= 0);
      const ex = { logits: Float64Array.from(order, (c) => scores[c] as number), truth, order };
      ((domainHash(label) >>> 8) % 2 === 0 ? calibration : test).push(ex);
    }
  }
  const temperature = fitTemperature(calibration);
  let top1 = 0;
  let top3 = 0;
  const stated: number[] = [];
  const outcome: number[] = [];
  for (const ex of test) {
    const p = softmax(ex.logits, temperature, new Float64Array(ex.logits.length));
    const right1 = ex.truth.includes(0);
    top1 += Number(right1);
    top3 += Number(ex.truth.some((i) => i < 3));
    stated.push(p[0] as number);
    outcome.push(Number(right1));
  }
  const rel = reliability(stated, outcome);
  const n = Math.max(1, test.length);
  return {
    actors: k.heldOut.size,
    calibrationExamples: calibration.length,
    testExamples: test.length,
    temperature,
    top1: top1 / n,
    top3: top3 / n,
    brier: rel.brier,
    reliability: rel.rows,
  };
}

/** Indexes of the `n` highest scores among the first `count` classes, best first. */
function topClasses(scores: Float64Array, count: number, n: number): number[] {
  const idx = Array.from({ length: count }, (_, i) => i);
  idx.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  return idx.slice(0, n);
}

export function formatNamingEvaluation(e: NamingEvaluation): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const rows = e.reliability
    .filter((r) => r.count > 0)
    .map((r) => `  ${r.words.padEnd(20)} ${String(r.count).padStart(6)}  stated ${pct(r.stated).padStart(6)}  right ${pct(r.observed).padStart(6)}`);
  return [
    `naming model, held-out names of ${e.actors} actors (${e.testExamples} scored, ${e.calibrationExamples} used to fit the temperature ${e.temperature.toFixed(3)})`,
    `  top-1 ${pct(e.top1)}  top-3 ${pct(e.top3)}  Brier (top-1) ${e.brier.toFixed(3)}`,
    '  reliability of the top-1 probability, by the words it would be given:',
    ...rows,
  ].join('\n');
}
