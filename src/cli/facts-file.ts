/** Reading facts given on the command line: JSON lines {subject, fact, value, observed?, source?}. */
import type { Fact } from '../intel/index.js';

export interface FactsRead {
  readonly facts: Fact[];
  readonly problems: { readonly line: number; readonly reason: string }[];
}

export function factsFromJsonl(text: string): FactsRead {
  const facts: Fact[] = [];
  const problems: { line: number; reason: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, reason: 'not JSON' });
      return;
    }
    const r = (typeof row === 'object' && row !== null && !Array.isArray(row) ? row : {}) as Record<string, unknown>;
    const missing = ['subject', 'fact', 'value'].filter((f) => typeof r[f] !== 'string' || r[f] === '');
    if (missing.length > 0) {
      problems.push({ line: i + 1, reason: `no ${missing.join(', ')} (strings required)` });
      return;
    }
    const optional = (f: string) => (typeof r[f] === 'string' ? { [f]: r[f] as string } : {});
    facts.push({ subject: (r.subject as string).toLowerCase(), fact: r.fact as string, value: r.value as string, ...optional('observed'), ...optional('source') });
  });
  return { facts, problems };
}
