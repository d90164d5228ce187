import type { Hit } from '../engine/index.js';
import { csvField, printable } from '../act/index.js';

export type HitFormat = 'jsonl' | 'csv' | 'table';

export const HIT_FORMATS: readonly HitFormat[] = ['jsonl', 'csv', 'table'];

/** The JSONL record of a hit: the fields other tools read (snake_case). */
export function hitRecord(hit: Hit, where?: { line?: number; source?: string }): Record<string, unknown> {
  return {
    name: hit.name,
    display: hit.display,
    domain: hit.domain,
    brand: hit.brand,
    brand_domain: hit.brandDomain,
    score: hit.score,
    techniques: hit.techniques,
    reasons: hit.reasons,
    ...(where?.line === undefined ? {} : { line: where.line }),
    ...(where?.source === undefined ? {} : { source: where.source }),
  };
}

const CSV_HEADER = 'name,display,domain,brand,brand_domain,score,techniques,reasons,line\n';

/** Writes hits in one format; `header` is written once before the first hit. */
export class HitWriter {
  private started = false;

  constructor(private readonly format: HitFormat) {}

  render(hit: Hit, line?: number): string {
    let out = '';
    if (!this.started) {
      this.started = true;
      if (this.format === 'csv') out += CSV_HEADER;
      if (this.format === 'table') out += `${'score'.padEnd(6)}${'brand'.padEnd(24)}${'name'.padEnd(40)}techniques / reasons\n`;
    }
    switch (this.format) {
      case 'jsonl':
        return `${out}${JSON.stringify(hitRecord(hit, line === undefined ? {} : { line }))}\n`;
      case 'csv':
        return `${out}${[hit.name, hit.display, hit.domain, hit.brand, hit.brandDomain, hit.score.toFixed(3), hit.techniques.join('+'), hit.reasons.join('; '), line === undefined ? '' : String(line)].map(csvField).join(',')}\n`;
      case 'table': {
        const shown = hit.display === hit.name ? hit.name : `${hit.display} (${hit.name})`;
        return `${out}${hit.score.toFixed(2).padEnd(6)}${printable(hit.brand).slice(0, 23).padEnd(24)}${printable(shown).padEnd(40)}${hit.techniques.join('+')}: ${printable(hit.reasons.join('; '))}\n`;
      }
    }
  }
}
