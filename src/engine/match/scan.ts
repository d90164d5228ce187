import type { BrandIndex } from '../brands/compile.js';
import type { Target } from '../brands/target.js';
import { detectCombo } from '../detect/combo.js';
import type { Detection } from '../detect/detection.js';
import { detectHomoglyph } from '../detect/homoglyph.js';
import { detectTldSwap } from '../detect/tld-swap.js';
import { hashRange, hashString } from '../index/index.js';
import { SkeletonBuffer, skeletonInto, type ParsedName } from '../names/index.js';
import type { DetectionSink } from './sink.js';
import { TokenFinder } from './token-finder.js';
import { TypoFinder } from './typo-finder.js';

/**
 * Finds, for one parsed name, every detection against every target the index points to. All buffers
 * are reused from one name to the next; strings are only built for candidates, which are rare.
 */
export class Scanner implements DetectionSink {
  private readonly sk = new SkeletonBuffer();
  private readonly typos: TypoFinder;
  private readonly tokens: TokenFinder;
  private out: Detection[] = [];
  private protectedBrands: ReadonlySet<number> | undefined;

  constructor(
    private readonly index: BrandIndex,
    /** Detections that cannot reach this are not worked out in full. */
    threshold = 0,
  ) {
    this.typos = new TypoFinder(index, this);
    this.tokens = new TokenFinder(index, this, threshold);
  }

  /** Detections for `name`; the array is reused by the next call. */
  scan(name: ParsedName): Detection[] {
    this.out = [];
    if (this.index.allowlist.has(name.domain)) return this.out;
    this.index.keywords.forget();
    this.protectedBrands = this.index.protectedFor.get(name.domain);
    // The skeleton of everything left of the suffix: `sub.label`, or `label`.
    const text = name.uSub === '' ? name.uLabel : `${name.uSub}.${name.uLabel}`;
    const labelOffset = text.length - name.uLabel.length;
    this.sk.reset();
    skeletonInto(text, 0, text.length, this.sk);
    let skLabel = 0;
    while (skLabel < this.sk.length && (this.sk.origin[skLabel] ?? 0) < labelOffset) skLabel++;
    this.exactAndHomoglyph(name, skLabel);
    this.typos.find(name.uLabel, 0, name.uLabel.length, -1, name.suffix);
    this.tokens.find(name, text, labelOffset, this.sk);
    if (name.uLabel.includes('-')) this.hyphenRuns(name.uLabel, name.suffix);
    return this.out;
  }

  owned(t: Target): boolean {
    return this.protectedBrands?.has(t.brand) ?? false;
  }

  push(d: Detection | null): void {
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

  /** Runs of hyphen-separated parts: short brands (`bbc-press`) and typo'd brands beside keywords. */
  private hyphenRuns(label: string, suffix: string): void {
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
            if (t && t.flat.length < 4) this.push(detectCombo(label, start, end, t, idx.keywords, suffix));
          }
        }
        this.typos.find(label, start, end, start, suffix);
      }
    }
  }
}
