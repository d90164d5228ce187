/** How attributions are printed: JSON for programs, text for people (attacker-controlled text escaped). */
import type { Attribution } from '../intel/index.js';
import { printable } from '../act/index.js';

export const ATTRIBUTION_FORMATS = ['text', 'json', 'jsonl'] as const;
export type AttributionFormat = (typeof ATTRIBUTION_FORMATS)[number];

/** The JSON shape: `{actor, aliases, probability, words, evidence: [{fact, weight, source, counted}]}`. */
export function attributionRecord(a: Attribution): Attribution {
  return {
    actor: a.actor,
    aliases: a.aliases,
    probability: Math.round(a.probability * 10_000) / 10_000,
    words: a.words,
    evidence: a.evidence.map((e) => ({ fact: e.fact, weight: e.weight, source: e.source, counted: e.counted })),
  };
}

const SHOWN_ALIASES = 6;
const SHOWN_EVIDENCE_FROM = 0.01;

/** One block per domain: each actor with its words and probability, then (above 1%) its evidence lines, counted first. */
export function attributionText(domain: string, attributions: readonly Attribution[]): string {
  const lines = [printable(domain)];
  if (attributions.length === 0) lines.push('  no known actor');
  for (const a of attributions) {
    const aka = a.aliases.slice(1, 1 + SHOWN_ALIASES).map(printable).join(', ');
    const more = a.aliases.length > 1 + SHOWN_ALIASES ? ', …' : '';
    lines.push(`  ${printable(a.actor)}${aka === '' ? '' : ` (${aka}${more})`}: ${a.words}, ${(100 * a.probability).toFixed(1)}%`);
    // the evidence of actors the judgement all but rules out would bury the lines that matter
    if (a.probability < SHOWN_EVIDENCE_FROM) continue;
    for (const e of a.evidence) {
      if (!e.counted && e.weight === 0) continue;
      const w = `${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(2)}`;
      lines.push(`    ${e.counted ? w.padStart(6) : `(${w})`.padStart(7)}  ${printable(e.fact)}  [${printable(e.source)}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}
