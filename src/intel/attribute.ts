/**
 * attribute(domain, facts, knowledge): which known actor is behind a domain, how probable, in the
 * estimative scale's words, with the evidence. The model is described in evidence-model.ts.
 */
import { wordsFor } from './calibration.js';
import { ACTOR_PRIOR, NAMING_CLIP, factNodeKind } from './evidence-model.js';
import { factKey } from './background.js';
import { type EvidenceLine, absenceLine, absencePenalty, describeKind, infrastructureEvidence, infrastructureKinds } from './infrastructure-evidence.js';
import { normaliseDomain } from './import/indicator-value.js';
import type { Knowledge } from './knowledge.js';
import { BACKGROUND } from './target-index.js';
import { registrableLabel } from './naming.js';
import type { Attribution, Evidence, Fact } from './types.js';

export interface AttributeOptions {
  /** Use the naming evidence alone (for evaluation). */
  readonly namesOnly?: boolean;
  /** How many actors to return, most probable first (default 5). */
  readonly limit?: number;
}

/** Naming weights (ln LR against unknown lookalikes) for every naming class, reusing one buffer. */
export function namingWeights(k: Knowledge, label: string, scores = new Float64Array(k.naming.classCount)): Float64Array {
  k.naming.scores(label, scores);
  const bg = scores[k.naming.classCount - 1] as number;
  for (let c = 0; c < k.naming.classCount; c++) {
    const w = k.namingTemperature * ((scores[c] as number) - bg);
    scores[c] = Math.max(-NAMING_CLIP, Math.min(NAMING_CLIP, w));
  }
  return scores;
}

const TOP_NAMING = 10;

/** An actor's naming weight (0 for actors without known names, or a name without a label). */
function namingOf(k: Knowledge, weights: Float64Array | null, id: number): number {
  const c = k.namingClassOf.get(id);
  return weights === null || c === undefined ? 0 : (weights[c] as number);
}

/** The TOP_NAMING actors whose names the label resembles most. */
function topNamed(k: Knowledge, weights: Float64Array | null): number[] {
  if (weights === null) return [];
  const top: number[] = [];
  for (let c = 0; c < k.namingActors.length; c++) {
    const w = weights[c] as number;
    if (top.length === TOP_NAMING) {
      if (w <= (weights[top[TOP_NAMING - 1] as number] as number)) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && (weights[top[i - 1] as number] as number) < w) i--;
    top.splice(i, 0, c);
  }
  return top.map((c) => k.namingActors[c] as number);
}

export function attribute(domain: string, facts: readonly Fact[], k: Knowledge, options: AttributeOptions = {}): Attribution[] {
  const d = normaliseDomain(domain);
  if (d === null) return [];
  const mine = facts.filter((f) => f.subject.toLowerCase() === d);
  const lines = options.namesOnly === true ? new Map<number, EvidenceLine[]>() : infrastructureEvidence(k, d, mine);
  const namesOnly = options.namesOnly === true;
  const named = [{ domain: d, via: '' }, ...(namesOnly ? [] : operationOf(k, d, facts))].map((o) => nameEvidence(k, o.domain, o.via, facts, namesOnly));
  const kinds = namesOnly ? new Map<string, number>() : infrastructureKinds(k, mine);
  const candidates = new Set(lines.keys());
  for (const n of named) for (const id of topNamed(k, n.naming)) candidates.add(id);

  const hypotheses = k.hypotheses();
  const logPrior = Math.log(ACTOR_PRIOR / Math.max(1, hypotheses.length));
  const scored: { id: number; score: number; evidence: Evidence[] }[] = [];
  let z = Math.log(1 - ACTOR_PRIOR);
  for (const id of hypotheses) {
    if (!candidates.has(id)) {
      let best = Number.NEGATIVE_INFINITY;
      for (const n of named) best = Math.max(best, namingOf(k, n.naming, id));
      z = logAdd(z, logPrior + best + absencePenalty(k, kinds, id));
      continue;
    }
    const shared = lines.get(id);
    const absent = shared === undefined ? absenceLine(k, kinds, id) : null;
    const all: EvidenceLine[] = [...(shared ?? []), ...(absent === null ? [] : [absent])];
    for (const n of named) all.push(...n.lines(id));
    const evidence = countOnce(all);
    const score = logPrior + evidence.reduce((sum, e) => sum + (e.counted ? e.weight : 0), 0);
    z = logAdd(z, score);
    scored.push({ id, score, evidence });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, options.limit ?? 5).map(({ id, score, evidence }) => {
    const identity = k.identity(id);
    const probability = Math.exp(score - z);
    return { actor: identity.name, aliases: identity.aliases, probability, words: wordsFor(probability), evidence };
  });
}

/**
 * The naming and targeting evidence of one name: the domain's own, or that of a domain of the same
 * operation (tied to it by a rare shared fact), which speaks for the operator's habits just as well.
 * All of it is one dependence group, 'name': only its strongest line counts.
 */
function nameEvidence(k: Knowledge, domain: string, via: string, facts: readonly Fact[], namesOnly: boolean) {
  const label = registrableLabel(domain);
  const naming = label === null ? null : namingWeights(k, label);
  const targets = namesOnly ? [] : facts.filter((f) => f.subject.toLowerCase() === domain && /^(imitates|brand|target)$/i.test(f.fact)).map((f) => f.value);
  const prefix = via === '' ? '' : `${domain}, tied to it by ${via}: `;
  const lines = (id: number): EvidenceLine[] => {
    const out: EvidenceLine[] = [];
    if (label !== null) {
      out.push({ group: 'name', fact: `${prefix}the name ${JSON.stringify(label)} resembles its known domains' names`, weight: namingOf(k, naming, id), source: 'naming model (character n-grams of its known domains)' });
    }
    for (const t of targets) {
      const line = targetLine(k, id, t);
      out.push({ ...line, fact: `${prefix}${line.fact}` });
    }
    return out;
  };
  return { naming, lines };
}

/** Other domains in `facts` sharing a rare value (registrant e-mail, address, name server) with `domain`. */
function operationOf(k: Knowledge, domain: string, facts: readonly Fact[]): { domain: string; via: string }[] {
  const mine = new Map<string, string>();
  for (const f of facts) {
    const kind = factNodeKind(f.fact);
    if (f.subject.toLowerCase() !== domain || (kind !== 'email' && kind !== 'ip' && kind !== 'ns' && kind !== 'cert')) continue;
    const key = factKey(f.fact, f.value);
    if ((k.background?.factCounts.get(key) ?? 0) > RARE) continue;
    mine.set(key, `${describeKind(f.fact)} ${f.value}`);
  }
  const out = new Map<string, string>();
  for (const f of facts) {
    const subject = f.subject.toLowerCase();
    const via = mine.get(factKey(f.fact, f.value));
    if (subject !== domain && via !== undefined && !out.has(subject)) out.set(subject, `the same ${via}`);
  }
  return [...out].slice(0, MAX_OPERATION).map(([d, via]) => ({ domain: d, via }));
}

const RARE = 10;
const MAX_OPERATION = 20;

/** Keeps every line, marking the strongest (most positive) of each dependence group as the one that counts. */
function countOnce(lines: readonly EvidenceLine[]): Evidence[] {
  const best = new Map<string, number>();
  lines.forEach((l, i) => {
    const b = best.get(l.group);
    if (b === undefined || l.weight > (lines[b]?.weight ?? 0)) best.set(l.group, i);
  });
  const out = lines.map((l, i) => ({ fact: l.fact, weight: round(l.weight), source: l.source, counted: best.get(l.group) === i }));
  return out.sort((a, b) => Number(b.counted) - Number(a.counted) || b.weight - a.weight);
}

/**
 * How often the actor's known names carry the targeted brand's word, against unknown lookalikes. The
 * actor's rate is shrunk towards the background rate (as if it had TARGET_PSEUDO more names at that
 * rate), so an actor with few names, or none with the word, gains nothing.
 */
function targetLine(k: Knowledge, id: number, target: string): EvidenceLine {
  const word = (registrableLabel(target) ?? target).toLowerCase().replace(/[^a-z0-9]/g, '');
  const counts = k.targets.counts(word);
  const bgSize = k.targets.sizes.get(BACKGROUND) ?? 0;
  const bgRate = ((counts.get(BACKGROUND) ?? 0) + 0.5) / (bgSize + 1);
  const rate = ((counts.get(id) ?? 0) + TARGET_PSEUDO * bgRate) / ((k.targets.sizes.get(id) ?? 0) + TARGET_PSEUDO);
  const weight = word.length < 3 || bgSize === 0 ? 0 : Math.max(0, Math.log(rate / bgRate));
  return { group: 'name', fact: `it imitates ${target}; ${pct(rate)} of its known names carry "${word}", ${pct(bgRate)} of unknown lookalikes do`, weight, source: 'targets of its known domains vs unknown lookalikes' };
}

const TARGET_PSEUDO = 10;

function pct(x: number): string {
  return `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
}

function logAdd(a: number, b: number): number {
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
