import { createMatcher, type Brand, type Matcher } from '../../src/engine/index.js';
import { loadDefaultWords } from '../../src/config/index.js';

const words = await loadDefaultWords();

/** A matcher with the shipped keyword lists, as the CLI builds it. */
export function matcherFor(brands: readonly Brand[], threshold?: number): Matcher {
  return createMatcher(brands, { keywords: words.keywords, generic: words.generic, ...(threshold === undefined ? {} : { threshold }) });
}

export function brand(name: string, domains: string[], keywords: string[] = [], allowlist: string[] = []): Brand {
  return { name, domains, keywords, allowlist };
}
