/**
 * The demo's report, for a person: what was found, with reasons, how it compares with what was publicly
 * reported, and who is behind it, in the estimative scale's words with the evidence. Every name and reason
 * comes from attacker-controlled data and goes through `printable` before it reaches the terminal.
 */
import type { Hit } from '../engine/index.js';
import type { Attribution } from '../intel/index.js';
import { printable } from './escape.js';

export interface CaseReport {
  readonly title: string;
  readonly streamNote: string;
  readonly store: string;
  readonly watchlist: string;
  readonly hits: readonly Hit[];
  /** The case's own lookalikes, each with the brand it imitates as reported. */
  readonly expected: readonly { readonly domain: string; readonly imitates: string }[];
  readonly attributions: ReadonlyMap<string, readonly Attribution[]>;
  readonly attributionNote: string;
}

export interface CaseCounts {
  readonly found: number;
  readonly expected: number;
  readonly falseAlarms: number;
  readonly otherNames: number;
}

function pct(p: number): string {
  return p >= 0.995 ? '>99%' : p < 0.005 ? '<1%' : `${Math.round(p * 100)}%`;
}

function findingsSection(hits: readonly Hit[]): string[] {
  const byDomain = new Map<string, Hit[]>();
  for (const h of hits) byDomain.set(h.domain, [...(byDomain.get(h.domain) ?? []), h]);
  const lines = [`Findings (${byDomain.size}), stored once per registrable domain:`];
  const width = Math.max(...[...byDomain.keys()].map((d) => d.length), 10);
  for (const [domain, hs] of [...byDomain].sort((a, b) => (b[1][0]?.score ?? 0) - (a[1][0]?.score ?? 0))) {
    for (const [i, h] of hs.entries()) {
      const left = i === 0 ? printable(domain).padEnd(width) : ' '.repeat(width);
      lines.push(`  ${left}  ${h.score.toFixed(2)}  ${printable(h.brand)} (${h.brandDomain}): ${h.techniques.join('+')}: ${printable(h.reasons.join('; '))}`);
    }
  }
  return lines;
}

function attributionSection(report: CaseReport): string[] {
  if (report.attributions.size === 0) return [];
  const lines = ['', `Attribution — ${report.attributionNote}`];
  for (const [domain, list] of report.attributions) {
    const top = list[0];
    if (!top || top.probability < 0.05) {
      const best = top ? ` (the closest, ${printable(top.actor)}, ${top.words}: ${pct(top.probability)})` : '';
      lines.push(`  ${printable(domain)}: no attribution — nothing recorded ties it to a known actor${best}`);
      continue;
    }
    lines.push(`  ${printable(domain)}: ${printable(top.actor)} — ${top.words} (${pct(top.probability)})${top.aliases.length ? `, also known as ${printable(top.aliases.slice(0, 5).join(', '))}` : ''}`);
    for (const e of top.evidence.filter((x) => x.counted)) lines.push(`      ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1).padStart(4)}  ${printable(e.fact)}  [${printable(e.source)}]`);
    const others = list.slice(1, 3).map((a) => `${printable(a.actor)} ${a.words} (${pct(a.probability)})`);
    if (others.length) lines.push(`      next: ${others.join('; ')}`);
  }
  return lines;
}

export function caseCounts(report: Pick<CaseReport, 'hits' | 'expected'>, totalNames: number): CaseCounts {
  const expected = new Set(report.expected.map((e) => e.domain));
  const hitDomains = new Set(report.hits.map((h) => h.domain));
  const found = [...expected].filter((d) => hitDomains.has(d)).length;
  const falseAlarms = [...hitDomains].filter((d) => !expected.has(d)).length;
  return { found, expected: expected.size, falseAlarms, otherNames: totalNames - expected.size };
}

export function renderCaseReport(report: CaseReport, totalNames: number): string {
  const c = caseCounts(report, totalNames);
  const hitDomains = new Set(report.hits.map((h) => h.domain));
  const lines = [
    report.title,
    '',
    `  stream:    ${report.streamNote}`,
    `  watchlist: ${report.watchlist}`,
    `  store:     ${report.store}`,
    '',
    ...findingsSection(report.hits),
    '',
    `Reported lookalikes found: ${c.found} of ${c.expected}`,
    ...report.expected.map((e) => `  ${hitDomains.has(e.domain) ? 'found ' : 'MISSED'}  ${printable(e.domain)}  (${printable(e.imitates)})`),
    `False alarms among the other ${c.otherNames.toLocaleString('en-US')} names: ${c.falseAlarms}`,
    ...attributionSection(report),
  ];
  return `${lines.join('\n')}\n`;
}
