import type { BrandIndex } from '../brands/compile.js';
import { comboFromSpan, isBoundaryCode, readSpan, type Span } from '../detect/combo.js';
import { uncoveredBeside } from '../detect/combo-edges.js';
import { SubdomainRest } from '../detect/subdomain-rest.js';
import { detectSplitLabels } from '../detect/split-labels.js';
import { detectLevelsquat, SubdomainWordReasons, subdomainWordOf } from '../detect/subdomain.js';
import { createMatches, type AutomatonMatches } from '../index/index.js';
import type { ParsedName, SkeletonBuffer } from '../names/index.js';
import type { DetectionSink } from './sink.js';
import { ALL_WEAK, ENTRY, FLAT_DOMAIN, OTHER_START, RECORD, startBit, SUFFIX_START, TARGET_WEAK, TokenPatterns } from './token-patterns.js';

/**
 * Brand tokens anywhere in the name, from one automaton pass over its skeleton: inside the registrable label
 * (combosquats), inside the subdomain (levelsquats, brand words as subdomains) and across the dots between them.
 */
export class TokenFinder {
  private readonly matches: AutomatonMatches = createMatches(128);
  private readonly patterns: TokenPatterns;
  /** What stands beside subdomain tokens, read once per name. */
  private readonly subRest: SubdomainRest;

  constructor(
    private readonly index: BrandIndex,
    private readonly sink: DetectionSink,
  ) {
    this.subRest = new SubdomainRest(index.keywords);
    this.patterns = new TokenPatterns(index);
  }

  /** `sk` holds the skeleton of `text` (`sub.label`, or `label`), whose label starts at `labelOffset`. */
  find(name: ParsedName, text: string, labelOffset: number, sk: SkeletonBuffer): void {
    const idx = this.index;
    const m = this.matches;
    m.count = 0;
    this.subRest.reset(name.uSub, name.uLabel, sk);
    idx.automaton.scan(sk.codes, 0, sk.length, m);
    const records = this.patterns.records;
    const entries = this.patterns.targets;
    const codes = sk.codes;
    const origin = sk.origin;
    for (let k = 0; k < m.count; k++) {
      const rec = (m.pattern[k] ?? 0) * RECORD;
      const facts = records[rec] ?? 0;
      const skEnd = m.end[k] ?? 0;
      // A weak-only token followed by a letter of the subdomain is no whole label there: nothing, as inSubdomain would
      // find after the token's start and ends were read (most tokens on CT names: www runs, everyday words in labels).
      if ((facts & ALL_WEAK) !== 0 && skEnd + 1 < sk.length && (origin[skEnd + 1] ?? 0) < labelOffset) {
        if ((codes[skEnd + 1] ?? 0) !== 46) continue;
        // Followed by a dot: a levelsquat's suffix must start right after it, as inSubdomain would find (`www.portal.x`).
        if ((facts & (startBit(charCodeAt.call(text, (origin[skEnd + 1] ?? 0) + 1)) | OTHER_START)) === 0) continue;
      }
      const skStart = startOf(sk, skEnd, records[rec + 3] ?? 0);
      // A token that starts or ends inside one character's expansion (`nato` in `animator`, via m → rn) is not there.
      if (skStart > 0 && origin[skStart - 1] === origin[skStart]) continue;
      if (skEnd + 1 < sk.length && origin[skEnd + 1] === origin[skEnd]) continue;
      const a = origin[skStart] ?? 0;
      const b = (origin[skEnd] ?? 0) + 1;
      const first = records[rec + 1] ?? 0;
      const stop = first + (records[rec + 2] ?? 0);
      if (a >= labelOffset) {
        if (!this.noCombo(name.uLabel, a - labelOffset, b - labelOffset, facts)) this.inLabel(name, a - labelOffset, b - labelOffset, first, stop);
      } else if (b < labelOffset) this.inSubdomain(name, a, b, facts, first, stop);
      else {
        for (let j = first; j < stop; j++) {
          const t = idx.targets[entries[ENTRY * j] ?? 0];
          if (t && !this.sink.owned(t)) this.sink.push(detectSplitLabels(text, a, b, name.suffix, t));
        }
      }
    }
  }

  /**
   * Whether comboFromSpan is null for every target of the pattern at label[a, b), told before the span is read (its
   * covers were most of a token's cost): the label is the token itself, or the targets are all weak and the token
   * is inside a word with a letter beside it no keyword can cover (no boundary, no full cover: score 0), and no
   * target's suffix can follow written flat. About 40% of the combo calls on top-list names that make no hit.
   */
  private noCombo(label: string, a: number, b: number, facts: number): boolean {
    if ((facts & FLAT_DOMAIN) !== 0) return false;
    const n = label.length;
    // Nothing beside the token: the rest is bare, and no suffix follows it.
    if (a === 0 && b === n) return true;
    if ((facts & ALL_WEAK) === 0) return false;
    if ((a === 0 || isBoundaryCode(charCodeAt.call(label, a - 1))) && (b === n || isBoundaryCode(charCodeAt.call(label, b)))) return false;
    let i = b;
    while (i < n && isHyphenCode(charCodeAt.call(label, i))) i++;
    if (i < n && (facts & startBit(charCodeAt.call(label, i))) !== 0) return false;
    return uncoveredBeside(label, a, b, this.index.keywords);
  }

  /** The token is label[a, b) of the registrable label: combosquats, for the pattern's targets [first, stop). */
  private inLabel(name: ParsedName, a: number, b: number, first: number, stop: number): void {
    const idx = this.index;
    const entries = this.patterns.targets;
    const label = name.uLabel;
    // The code a flat suffix would start with (flatSuffixEnd skips `-` and `_` first): a target whose suffix starts
    // otherwise has none there, told from its entry without reading its suffix string.
    let i = b;
    while (i < label.length && isHyphenCode(charCodeAt.call(label, i))) i++;
    const after = i < label.length ? charCodeAt.call(label, i) : -1;
    let span: Span | null = null;
    for (let j = first; j < stop; j++) {
      const t = idx.targets[entries[ENTRY * j] ?? 0];
      if (!t || this.sink.owned(t)) continue;
      span ??= readSpan(label, a, b, idx.keywords);
      this.sink.push(comboFromSpan(span, t, idx.keywords, name.suffix, ((entries[ENTRY * j + 1] ?? 0) & SUFFIX_START) === after));
    }
  }

  /** The token is sub[a, b) of the subdomain: levelsquats and brand words, for the pattern's targets [first, stop). */
  private inSubdomain(name: ParsedName, a: number, b: number, facts: number, first: number, stop: number): void {
    const idx = this.index;
    const entries = this.patterns.targets;
    const sub = name.uSub;
    // Weak targets give nothing but a levelsquat, and a levelsquat needs the token to be a whole label.
    const wholeLabel = (a === 0 || charCodeAt.call(sub, a - 1) === 46) && (b === sub.length || charCodeAt.call(sub, b) === 46);
    const allWeak = (facts & ALL_WEAK) !== 0;
    if (!wholeLabel && allWeak) return;
    // A levelsquat's suffix starts right after the token's label (or, at the subdomain's end, the registrable label
    // starts with it): one character compared rules most targets out before any string work.
    const follows = !wholeLabel ? -1 : b < sub.length ? charCodeAt.call(sub, b + 1) : charCodeAt.call(name.uLabel, 0);
    // Weak targets only: done when no target's suffix can start there (`www.www.x.com` against fifteen www.* brands).
    if (allWeak && (facts & (startBit(follows) | OTHER_START)) === 0) return;
    // -1 until asked: whether keywords stand beside the token (the full list is only read for hits, see SubdomainWordReasons).
    let beside = -1;
    let why: SubdomainWordReasons | null = null;
    for (let j = first; j < stop; j++) {
      const entry = entries[ENTRY * j + 1] ?? 0;
      const sameStart = (entry & SUFFIX_START) === follows;
      // A weak target whose suffix cannot follow makes nothing: passed over with its Target unread.
      if (!sameStart && (entry & TARGET_WEAK) !== 0) continue;
      const t = idx.targets[entries[ENTRY * j] ?? 0];
      if (!t || this.sink.owned(t)) continue;
      const level = sameStart ? detectLevelsquat(sub, a, b, name.uLabel, name.suffix, t) : null;
      // A weak target is never a brand word in a subdomain (detectSubdomainWord says null).
      if (level !== null || t.weak) {
        this.sink.push(level);
        continue;
      }
      if (beside === -1) beside = this.subRest.anyBeside(a, b) ? 1 : 0;
      // The reasons and the score depend on the brand label only, not on which of its domains: one holder for a token's
      // targets of a label.
      if (why === null || why.target.label !== t.label) why = new SubdomainWordReasons(sub, a, b, name.uLabel, name.suffix, t, this.subRest, beside === 1);
      this.sink.push(subdomainWordOf(t, why));
    }
  }
}

// Subdomains are slices of the host: called this way, charCodeAt inlines for every string shape (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** The codes flatSuffixEnd skips before a flat suffix: `-` and `_`. */
function isHyphenCode(code: number): boolean {
  return code === 45 || code === 95;
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
