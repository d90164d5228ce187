/** The inputs of the matcher benchmarks: real newly-certified names, popular names, and a watchlist of popular brands. */
import { readFileSync, readdirSync } from 'node:fs';
import { parseName, type Brand } from '../../src/engine/index.js';
import { SHARED } from '../table.js';

/** Every name of the CT names tiles (real newly-certified names, long and full of words). */
export function ctNames(): string[] {
  const dir = `${SHARED}ct/navigli2025h2/tile/names/`;
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.p')) continue;
    for (const line of readFileSync(dir + f, 'utf8').split('\n')) {
      if (line === '') continue;
      const entry = JSON.parse(line) as { DNS?: string[] };
      out.push(...(entry.DNS ?? []));
    }
  }
  return out;
}

/** A MISP warning list of popular domains, in its order. */
export function toplist(file: string): string[] {
  return (JSON.parse(readFileSync(`${SHARED}toplists/${file}`, 'utf8')) as { list: string[] }).list;
}

/**
 * Brands as a watchlist holds them, from the Tranco 10k, then Majestic and Cisco's lists: one brand per registrable
 * label, with all its domains (google.com, google.ca… are one brand), in the order first met.
 */
export function popularBrands(): Brand[] {
  const byLabel = new Map<string, string[]>();
  for (const file of ['misp-warninglist-tranco10k.json', 'misp-warninglist-majestic_million.json', 'misp-warninglist-cisco_top20k.json']) {
    for (const d of toplist(file)) {
      const p = parseName(d);
      if (!p.ok || p.name.sub !== '') continue;
      const domains = byLabel.get(p.name.label) ?? [];
      if (!domains.includes(p.name.domain)) domains.push(p.name.domain);
      byLabel.set(p.name.label, domains);
    }
  }
  return [...byLabel].map(([label, domains]) => ({ name: label, domains, keywords: [], allowlist: [] }));
}
