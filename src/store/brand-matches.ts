/** A finding's best hit per brand (`Finding.brands`): its order, its merge, and its stored JSON form. */
import type { Hit, Technique } from '../engine/index.js';
import type { BrandMatch } from './types.js';

/** The order of `Finding.brands`: highest score first, then by name. */
export function compareBrands(a: BrandMatch, b: BrandMatch): number {
  return b.score - a.score || (a.brand < b.brand ? -1 : a.brand > b.brand ? 1 : 0);
}

export function brandMatchOf(hit: Hit): BrandMatch {
  return { brand: hit.brand, brandDomain: hit.brandDomain, score: hit.score, techniques: hit.techniques, reasons: hit.reasons };
}

/**
 * Merges a batch's best hits into what is stored; a brand's entry is replaced only by a better
 * score. Returns null when nothing changed, so the caller can skip the write.
 */
export function mergeBrands(stored: readonly BrandMatch[], best: ReadonlyMap<string, Hit>): BrandMatch[] | null {
  const merged = [...stored];
  let changed = false;
  for (const hit of best.values()) {
    const i = merged.findIndex((b) => b.brand === hit.brand);
    const old = i < 0 ? undefined : merged[i];
    if (old !== undefined && old.score >= hit.score) continue;
    if (i < 0) merged.push(brandMatchOf(hit));
    else merged[i] = brandMatchOf(hit);
    changed = true;
  }
  return changed ? merged.sort(compareBrands) : null;
}

/** The brands column was written by this store; it is still checked, as anything read back is. */
export function parseBrands(text: string, domain: string): BrandMatch[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error(`store: ${domain} has malformed brands`);
  return parsed.map((b: unknown): BrandMatch => {
    if (typeof b !== 'object' || b === null) throw new Error(`store: ${domain} has a malformed brand`);
    const r = b as Record<string, unknown>;
    if (typeof r.brand !== 'string' || typeof r.brandDomain !== 'string' || typeof r.score !== 'number') {
      throw new Error(`store: ${domain} has a brand without name, domain or score`);
    }
    return {
      brand: r.brand,
      brandDomain: r.brandDomain,
      score: r.score,
      techniques: strings(r.techniques) as Technique[],
      reasons: strings(r.reasons),
    };
  });
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
