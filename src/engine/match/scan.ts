import type { BrandIndex } from '../brands/compile.js';
import type { Target } from '../brands/target.js';
import { comboFromSpan, detectCombo, readRest, readSpan, type Rest, type Span } from '../detect/combo.js';
import type { Detection } from '../detect/detection.js';
import { detectHomoglyph } from '../detect/homoglyph.js';
import { detectSplitLabels } from '../detect/split-labels.js';
import { detectLevelsquat, detectSubdomainWord, subdomainWordCeiling } from '../detect/subdomain.js';
import { detectTldSwap } from '../detect/tld-swap.js';
import { typoFromShape, typoShape, type TypoShape } from '../detect/typo.js';
import { createMatches, hashRange, hashString, PrefixHashes, type AutomatonMatches } from '../index/index.js';
import { SkeletonBuffer, skeletonInto, type ParsedName } from '../names/index.js';

/** Room left for the bonus a second technique on the same brand domain may add (see aggregate.ts). */
const CEILING_MARGIN = 0.1;

/**
 * Finds, for one parsed name, every detection against every target the index points to. All buffers
 * are reused from one name to the next; strings are only built for candidates, which are rare.
 */
export class Scanner {
  private readonly sk = new SkeletonBuffer();
  private readonly prefix = new PrefixHashes();
  private readonly matches: AutomatonMatches = createMatches(128);
  private readonly labelCodes = new Uint16Array(64);
  /** typoStamp[target] === stamp: the target was already tried for the label or run being looked up. */
  private readonly typoStamp: Int32Array;
  private stamp = 0;
  private out: Detection[] = [];
  private protectedBrands: ReadonlySet<number> | undefined;
  private suffix = '';
  /** Whether the label or run being looked up for typos is an everyday word: -1 not yet known. */
  private runIsWord = -1;
  /** The typo shape of the run against the last brand label tried (targets sharing a label come one after another). */
  private shapeLabel: string | null = null;
  private shapeEdits = 0;
  private shape: TypoShape | null = null;

  constructor(
    private readonly index: BrandIndex,
    /** Detections that cannot reach this are not worked out in full. */
    private readonly threshold = 0,
  ) {
    this.typoStamp = new Int32Array(index.targets.length);
  }

  /** Detections for `name`; the array is reused by the next call. */
  scan(name: ParsedName): Detection[] {
    this.out = [];
    if (this.index.allowlist.has(name.domain)) return this.out;
    this.index.keywords.forget();
    this.protectedBrands = this.index.protectedFor.get(name.domain);
    this.suffix = name.suffix;
    // The skeleton of everything left of the suffix: `sub.label`, or `label`.
    const text = name.uSub === '' ? name.uLabel : `${name.uSub}.${name.uLabel}`;
    const labelOffset = text.length - name.uLabel.length;
    this.sk.reset();
    skeletonInto(text, 0, text.length, this.sk);
    let skLabel = 0;
    while (skLabel < this.sk.length && (this.sk.origin[skLabel] ?? 0) < labelOffset) skLabel++;
    this.exactAndHomoglyph(name, skLabel);
    this.typos(name.uLabel, 0, name.uLabel.length, -1);
    this.tokens(name, text, labelOffset);
    if (name.uLabel.includes('-')) this.hyphenRuns(name.uLabel);
    return this.out;
  }

  private owned(t: Target): boolean {
    return this.protectedBrands?.has(t.brand) ?? false;
  }

  private push(d: Detection | null): void {
    if (d !== null && !this.owned(d.target)) this.out.push(d);
  }

  private exactAndHomoglyph(name: ParsedName, skLabel: number): void {
    const idx = this.index;
    const exact = idx.exact.find(hashString(name.uLabel));
    if (exact >= 0) {
      for (let k = idx.exact.start(exact); k < idx.exact.end(exact); k++) {
        const t = idx.targets[idx.exact.ids[k] ?? 0];
        if (t) this.push(detectTldSwap(name.uLabel, name.suffix, t));
      }
    }
    const slot = idx.skeletons.find(hashRange(this.sk.codes, skLabel, this.sk.length));
    if (slot < 0) return;
    const labelSkeleton = this.sk.toString(skLabel, this.sk.length);
    for (let k = idx.skeletons.start(slot); k < idx.skeletons.end(slot); k++) {
      const t = idx.targets[idx.skeletons.ids[k] ?? 0];
      if (t) this.push(detectHomoglyph(name.uLabel, labelSkeleton, name.idn, name.label, t));
    }
  }

  /** Typo candidates for label[start, end): the whole label (runStart -1) or a hyphen run inside it. */
  private typos(label: string, start: number, end: number, runStart: number): void {
    const idx = this.index;
    const n = end - start;
    if (n < idx.minTypoLength || n > idx.maxTypoLength || n > this.labelCodes.length) return;
    this.stamp++;
    this.runIsWord = -1;
    this.shapeLabel = null;
    for (let i = 0; i < n; i++) this.labelCodes[i] = label.charCodeAt(start + i);
    this.prefix.load(this.labelCodes, 0, n);
    this.typoLookup(this.prefix.whole(), label, start, end, runStart);
    for (let i = 0; i < n; i++) this.typoLookup(this.prefix.without(i), label, start, end, runStart);
    // Two deletions on the name's side only for a whole label, not for every hyphen run inside it: the runs would multiply the cost.
    if (runStart < 0 && n < idx.deepLengths.length && idx.deepLengths[n] === 1) {
      // The ends filter answers most variants without a hash; those keeping both ends of the label share one answer.
      const ends = idx.deletionEnds;
      const codes = this.labelCodes;
      const inner = n >= 8 && ends.has(n - 2, codes[0] ?? 0, codes[1] ?? 0, codes[2] ?? 0, codes[n - 3] ?? 0, codes[n - 2] ?? 0, codes[n - 1] ?? 0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (i >= 3 && j <= n - 4 ? !inner : !ends.hasVariant(codes, n, i, j)) continue;
          this.typoLookup(this.prefix.without2(i, j), label, start, end, runStart);
        }
      }
    }
  }

  private typoLookup(hash: number, label: string, start: number, end: number, runStart: number): void {
    const idx = this.index;
    const slot = idx.deletions.find(hash);
    if (slot < 0) return;
    for (let k = idx.deletions.start(slot); k < idx.deletions.end(slot); k++) {
      const id = idx.deletions.ids[k] ?? 0;
      if (this.typoStamp[id] === this.stamp) continue;
      this.typoStamp[id] = this.stamp;
      const t = idx.targets[id];
      if (!t || this.owned(t)) continue;
      const text = label.slice(start, end);
      // An everyday word is nobody's typo (`cloud` is not `icloud` misspelt).
      if (this.runIsWord === -1) this.runIsWord = idx.generic.has(text) ? 1 : 0;
      if (this.runIsWord === 1) return;
      const shape = this.shapeFor(text, t);
      if (shape === null) continue;
      if (runStart < 0) this.push(typoFromShape(shape, t, this.suffix));
      else this.typoInRun(label, start, end, shape, t);
    }
  }

  /** typoShape(text, t), worked out once for all the targets that share t's label. */
  private shapeFor(text: string, t: Target): TypoShape | null {
    if (this.shapeLabel !== t.label || this.shapeEdits !== t.maxEdits) {
      this.shapeLabel = t.label;
      this.shapeEdits = t.maxEdits;
      this.shape = typoShape(text, t);
    }
    return this.shape;
  }

  /** A hyphen run that is a typo of the brand, beside other words: `mail-en-march`, `microsof-update`. */
  private typoInRun(label: string, start: number, end: number, shape: TypoShape, t: Target): void {
    const combo = detectCombo(label, start, end, t, this.index.keywords, this.suffix);
    if (combo === null) return;
    const typo = typoFromShape(shape, t, this.suffix);
    this.push({
      target: t,
      score: Math.min(combo.score, typo.score + 0.1),
      techniques: [...combo.techniques, ...typo.techniques],
      reasons: [...combo.reasons, ...typo.reasons],
    });
  }

  private tokens(name: ParsedName, text: string, labelOffset: number): void {
    const idx = this.index;
    const m = this.matches;
    m.count = 0;
    idx.automaton.scan(this.sk.codes, 0, this.sk.length, m);
    for (let k = 0; k < m.count; k++) {
      const pattern = m.pattern[k] ?? 0;
      const skEnd = m.end[k] ?? 0;
      const skStart = this.startOf(skEnd, idx.automaton.patternLength[pattern] ?? 0);
      // A token that starts or ends inside one character's expansion (`nato` in `animator`, via m → rn) is not there.
      const origin = this.sk.origin;
      if (skStart > 0 && origin[skStart - 1] === origin[skStart]) continue;
      if (skEnd + 1 < this.sk.length && origin[skEnd + 1] === origin[skEnd]) continue;
      const a = origin[skStart] ?? 0;
      const b = (origin[skEnd] ?? 0) + 1;
      let span: Span | null = null;
      let rest: Rest | null = null;
      for (const id of idx.patternTargets[pattern] ?? []) {
        const t = idx.targets[id];
        if (!t || this.owned(t)) continue;
        if (a >= labelOffset) {
          span ??= readSpan(name.uLabel, a - labelOffset, b - labelOffset, idx.keywords);
          this.push(comboFromSpan(span, t, idx.keywords, name.suffix));
        }
        else if (b < labelOffset) {
          const level = detectLevelsquat(name.uSub, a, b, name.uLabel, name.suffix, t);
          if (level !== null || subdomainWordCeiling(name.uSub, a, b, t) + CEILING_MARGIN < this.threshold) {
            this.push(level);
            continue;
          }
          rest ??= readRest([name.uSub.slice(0, a), name.uSub.slice(b), name.uLabel], idx.keywords);
          this.push(detectSubdomainWord(name.uSub, a, b, name.uLabel, name.suffix, t, rest));
        }
        else this.push(detectSplitLabels(text, a, b, name.suffix, t));
      }
    }
  }

  /** The skeleton index where a match of `symbols` letters ending at `end` starts, separators skipped. */
  private startOf(end: number, symbols: number): number {
    let i = end;
    let left = symbols;
    for (; i >= 0; i--) {
      const c = this.sk.codes[i] ?? 0;
      if (c === 45 || c === 46 || c === 95) continue;
      if (--left === 0) break;
    }
    return i < 0 ? 0 : i;
  }

  /** Runs of hyphen-separated parts: short brands (`bbc-press`) and typo'd brands beside keywords. */
  private hyphenRuns(label: string): void {
    const idx = this.index;
    const bounds: number[] = [0];
    for (let i = 0; i < label.length; i++) if (label.charCodeAt(i) === 45) bounds.push(i + 1);
    const parts = bounds.length;
    for (let i = 0; i < parts; i++) {
      for (let j = i; j < parts && j - i < 4; j++) {
        const start = bounds[i] ?? 0;
        const end = j + 1 < parts ? (bounds[j + 1] ?? 0) - 1 : label.length;
        if (start === 0 && end === label.length) continue;
        const slot = idx.exact.find(hashString(label.slice(start, end)));
        if (slot >= 0) {
          for (let k = idx.exact.start(slot); k < idx.exact.end(slot); k++) {
            const t = idx.targets[idx.exact.ids[k] ?? 0];
            if (t && t.flat.length < 4) this.push(detectCombo(label, start, end, t, idx.keywords, this.suffix));
          }
        }
        this.typos(label, start, end, start);
      }
    }
  }
}
