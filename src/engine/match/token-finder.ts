import type { BrandIndex } from '../brands/compile.js';
import { comboFromSpan, readRest, readSpan, type Rest, type Span } from '../detect/combo.js';
import { detectSplitLabels } from '../detect/split-labels.js';
import { detectLevelsquat, detectSubdomainWord, subdomainWordCeiling } from '../detect/subdomain.js';
import { createMatches, type AutomatonMatches } from '../index/index.js';
import type { ParsedName, SkeletonBuffer } from '../names/index.js';
import type { DetectionSink } from './sink.js';

/** Room left for the bonus a second technique on the same brand domain may add (see aggregate.ts). */
const CEILING_MARGIN = 0.1;

/**
 * Brand tokens anywhere in the name, from one automaton pass over its skeleton: inside the registrable label
 * (combosquats), inside the subdomain (levelsquats, brand words as subdomains) and across the dots between them.
 */
export class TokenFinder {
  private readonly matches: AutomatonMatches = createMatches(128);

  constructor(
    private readonly index: BrandIndex,
    private readonly sink: DetectionSink,
    /** Detections that cannot reach this are not worked out in full. */
    private readonly threshold: number,
  ) {}

  /** `sk` holds the skeleton of `text` (`sub.label`, or `label`), whose label starts at `labelOffset`. */
  find(name: ParsedName, text: string, labelOffset: number, sk: SkeletonBuffer): void {
    const idx = this.index;
    const m = this.matches;
    m.count = 0;
    idx.automaton.scan(sk.codes, 0, sk.length, m);
    for (let k = 0; k < m.count; k++) {
      const pattern = m.pattern[k] ?? 0;
      const skEnd = m.end[k] ?? 0;
      const skStart = startOf(sk, skEnd, idx.automaton.patternLength[pattern] ?? 0);
      // A token that starts or ends inside one character's expansion (`nato` in `animator`, via m → rn) is not there.
      const origin = sk.origin;
      if (skStart > 0 && origin[skStart - 1] === origin[skStart]) continue;
      if (skEnd + 1 < sk.length && origin[skEnd + 1] === origin[skEnd]) continue;
      const a = origin[skStart] ?? 0;
      const b = (origin[skEnd] ?? 0) + 1;
      let span: Span | null = null;
      let rest: Rest | null = null;
      for (const id of idx.patternTargets[pattern] ?? []) {
        const t = idx.targets[id];
        if (!t || this.sink.owned(t)) continue;
        if (a >= labelOffset) {
          span ??= readSpan(name.uLabel, a - labelOffset, b - labelOffset, idx.keywords);
          this.sink.push(comboFromSpan(span, t, idx.keywords, name.suffix));
        }
        else if (b < labelOffset) {
          const level = detectLevelsquat(name.uSub, a, b, name.uLabel, name.suffix, t);
          if (level !== null || subdomainWordCeiling(name.uSub, a, b, t) + CEILING_MARGIN < this.threshold) {
            this.sink.push(level);
            continue;
          }
          rest ??= readRest([name.uSub.slice(0, a), name.uSub.slice(b), name.uLabel], idx.keywords);
          this.sink.push(detectSubdomainWord(name.uSub, a, b, name.uLabel, name.suffix, t, rest));
        }
        else this.sink.push(detectSplitLabels(text, a, b, name.suffix, t));
      }
    }
  }
}

/** The skeleton index where a match of `symbols` letters ending at `end` starts, separators skipped. */
function startOf(sk: SkeletonBuffer, end: number, symbols: number): number {
  let i = end;
  let left = symbols;
  for (; i >= 0; i--) {
    const c = sk.codes[i] ?? 0;
    if (c === 45 || c === 46 || c === 95) continue;
    if (--left === 0) break;
  }
  return i < 0 ? 0 : i;
}
