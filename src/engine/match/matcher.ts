import { compileBrands, type BrandIndex, type CompileOptions } from '../brands/compile.js';
import { parseHost } from '../names/index.js';
import type { Brand, Hit, NameError } from '../types.js';
import { aggregate } from './aggregate.js';
import { Scanner } from './scan.js';

/** The default alert threshold: a hit scores at least this. See the README for how it was chosen. */
export const DEFAULT_THRESHOLD = 0.5;

export interface MatcherOptions extends CompileOptions {
  readonly threshold?: number;
}

export interface MatchStats {
  names: number;
  hits: number;
  readonly errors: Record<NameError, number>;
}

const NONE: readonly Hit[] = Object.freeze([]);

function emptyErrors(): Record<NameError, number> {
  return { empty: 0, 'too-long': 0, 'label-too-long': 0, 'empty-label': 0, 'bad-character': 0, 'bad-punycode': 0, 'bad-hyphen': 0, 'ip-address': 0, 'no-suffix': 0 };
}

/** Matches names against a compiled watchlist. Pure and synchronous; one per thread. */
export class Matcher {
  readonly index: BrandIndex;
  readonly threshold: number;
  readonly stats: MatchStats = { names: 0, hits: 0, errors: emptyErrors() };
  /** Why the last name given to `match` could not be parsed, or null. */
  lastError: NameError | null = null;
  private readonly scanner: Scanner;

  constructor(brands: readonly Brand[], options: MatcherOptions) {
    this.index = compileBrands(brands, options);
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.scanner = new Scanner(this.index);
  }

  /** The hits for one name, best first; an empty frozen array when none (or when the name is bad: see lastError). */
  match(input: string): readonly Hit[] {
    this.stats.names++;
    const name = parseHost(input);
    if (typeof name === 'string') {
      this.lastError = name;
      this.stats.errors[name]++;
      return NONE;
    }
    this.lastError = null;
    const detections = this.scanner.scan(name);
    if (detections.length === 0) return NONE;
    const hits = aggregate(name, detections, this.index, this.threshold);
    this.stats.hits += hits.length;
    return hits.length === 0 ? NONE : hits;
  }
}

export function createMatcher(brands: readonly Brand[], options: MatcherOptions): Matcher {
  return new Matcher(brands, options);
}
