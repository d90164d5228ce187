import type { BrandIndex } from '../brands/compile.js';
import type { Target } from '../brands/target.js';
import { detectCombo } from '../detect/combo.js';
import type { Detection } from '../detect/detection.js';
import { detectHomoglyph } from '../detect/homoglyph.js';
import { detectTldSwap } from '../detect/tld-swap.js';
import { hashRange, hashString, hashText } from '../index/index.js';
import { SkeletonBuffer, skeleton, skeletonInto, type ParsedName } from '../names/index.js';
import { hasLeetDigit, isLeetDigit, unleet } from '../names/leet.js';
import { EXACT, SKELETON } from '../brands/label-table.js';
import type { DetectionSink } from './sink.js';
import { TokenFinder } from './token-finder.js';
import { TypoFinder } from './typo-finder.js';

// Labels come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;
const CODE_HYPHEN = 45;
const CODE_a = 97;
const CODE_z = 122;

/**
 * Finds, for one parsed name, every detection against every target the index points to. All buffers
 * are reused from one name to the next; strings are only built for candidates, which are rare.
 */
export class Scanner implements DetectionSink {
  private readonly sk = new SkeletonBuffer();
  private readonly typos: TypoFinder;
  private readonly tokens: TokenFinder;
  private out: Detection[] = [];
  private labelCodes = new Uint16Array(64);
  /** Where each hyphen-separated part of the label starts. */
  private bounds = new Int32Array(64);
  private protectedBrands: ReadonlySet<number> | undefined;
  /**
   * Whether the label holds a digit leet spelling reads as a letter, with a letter after it (set by loadLabel):
   * digits at the end are a number (`sport5`, `shop33`), not letters.
   */
  private leet = false;

  constructor(private readonly index: BrandIndex) {
    this.typos = new TypoFinder(index, this);
    this.tokens = new TokenFinder(index, this);
  }

  /** Detections for `name`; the array is reused by the next call. */
  scan(name: ParsedName): Detection[] {
    // A fresh array only after a name that had detections: setting `length = 0` is a runtime call (~25 ns).
    if (this.out.length > 0) this.out = [];
    const out = this.out;
    const idx = this.index;
    if (idx.allowlist.size > 0 && idx.allowlist.has(name.domain)) return out;
    idx.keywords.forget();
    const label = name.uLabel;
    const hasHyphen = this.loadLabel(label);
    // One probe of the label's hash answers the exact lookup and the owners' (see brands/label-table.ts).
    const labels = idx.labels;
    const labelHash = hashRange(this.labelCodes, 0, label.length);
    const labelSlot = labels.find(labelHash);
    // An IDN's owners are filed under its ASCII label, not the Unicode one.
    const domainStart = name.host.length - name.domain.length;
    this.protectedBrands = name.idn
      ? labels.ownersOf(labels.find(hashText(name.label, 0, name.label.length)), name.host, domainStart)
      : labels.ownersOf(labelSlot, name.host, domainStart);
    // Everything left of the suffix: `sub.label`, or `label`; an ASCII host gives it as a slice, not a concatenation.
    let text = label;
    if (name.uSub !== '') text = name.idn ? `${name.uSub}.${label}` : name.host.slice(0, name.host.length - name.suffix.length - 1);
    const labelOffset = text.length - label.length;
    // The label's skeleton starts where the subdomain's (and its dot's) ends: skeletons go code point by code point.
    // An ASCII text is the start of the host, most often a flat string, which reads faster than a slice of it.
    const source = name.idn ? text : name.host;
    const sk = this.sk;
    sk.reset();
    skeletonInto(source, 0, labelOffset, sk);
    const skLabel = sk.length;
    skeletonInto(source, labelOffset, text.length, sk);
    this.exactAndHomoglyph(name, labelSlot, labelHash, skLabel);
    if (this.leet && !name.idn) this.leetHomoglyphs(name);
    this.typos.find(label, this.labelCodes, 0, label.length, -1, name.suffix);
    this.tokens.find(name, text, labelOffset, sk);
    if (hasHyphen) this.hyphenRuns(label, name.suffix);
    return out;
  }

  /**
   * The label's codes into labelCodes, so that its hash and its hyphen runs' are taken with no string built
   * (hashString would read the label through a megamorphic charCodeAt); whether it has a hyphen.
   */
  private loadLabel(label: string): boolean {
    if (label.length > this.labelCodes.length) this.labelCodes = new Uint16Array(2 * label.length);
    const codes = this.labelCodes;
    let hyphen = false;
    let digit = false;
    let leet = false;
    for (let i = 0; i < label.length; i++) {
      const c = charCodeAt.call(label, i);
      codes[i] = c;
      if (c === CODE_HYPHEN) hyphen = true;
      else if (isLeetDigit(c)) digit = true;
      else if (digit && c >= CODE_a && c <= CODE_z) leet = true;
    }
    this.leet = leet;
    return hyphen;
  }

  owned(t: Target): boolean {
    return this.protectedBrands?.has(t.brand) ?? false;
  }

  ownedBrand(brand: number): boolean {
    return this.protectedBrands?.has(brand) ?? false;
  }

  push(d: Detection | null): void {
    if (d !== null && !this.owned(d.target)) this.out.push(d);
  }

  add(d: Detection): void {
    this.out.push(d);
  }

  /**
   * The label itself under another suffix, and its look-alikes. Owned targets are skipped before their detector
   * runs: a top-list name is most often a brand's own domain, whose every sibling (google.de...) would build a
   * detection only to be dropped.
   */
  private exactAndHomoglyph(name: ParsedName, labelSlot: number, labelHash: number, skLabel: number): void {
    const idx = this.index;
    const labels = idx.labels;
    const label = name.uLabel;
    // A brand found owning the name: its targets come one after another (ids run brand by brand, and so do both walks),
    // and the rest of them are passed over on one comparison (`google.de` walks 198 targets labelled `google`, twice).
    let owner = -1;
    if (labelSlot >= 0) {
      for (let k = labels.start(labelSlot); k < labels.end(labelSlot) && labels.kindAt(k) === EXACT; k++) {
        const t = idx.targets[labels.idAt(k)];
        if (t === undefined || t.brand === owner) continue;
        if (this.owned(t)) {
          owner = t.brand;
          continue;
        }
        const d = detectTldSwap(label, name.suffix, t);
        if (d !== null) this.out.push(d);
      }
    }
    // Most often the skeleton is the label itself: the probe already made answers for it.
    const skHash = hashRange(this.sk.codes, skLabel, this.sk.length);
    const slot = skHash === labelHash ? labelSlot : labels.find(skHash);
    if (slot < 0) return;
    // Built only for a target that could be a homoglyph: most often the label is the brand's label itself.
    let labelSkeleton: string | null = null;
    for (let k = labels.start(slot); k < labels.end(slot); k++) {
      const kind = labels.kindAt(k);
      if (kind !== SKELETON) {
        if (kind > SKELETON) break;
        continue;
      }
      const t = idx.targets[labels.idAt(k)];
      if (t === undefined || t.brand === owner || label === t.label) continue;
      if (this.owned(t)) {
        owner = t.brand;
        continue;
      }
      labelSkeleton ??= this.sk.toString(skLabel, this.sk.length);
      const d = detectHomoglyph(label, labelSkeleton, name.idn, name.label, t);
      if (d !== null) this.out.push(d);
    }
  }

  /**
   * Digits for letters beyond `0` and `1` (`4m4z0n`, `micr05oft`): the label read as letters, looked up among the
   * skeletons, one way only: brands whose own label has such a digit, short ones and everyday words are left out
   * (`adex` is no lookalike of `4dex`, nor `m3` of `me`). Only labels with such a digit before a letter get here.
   */
  private leetHomoglyphs(name: ParsedName): void {
    const idx = this.index;
    const letters = skeleton(unleet(name.uLabel));
    const labels = idx.labels;
    const slot = labels.find(hashString(letters));
    if (slot < 0) return;
    for (let k = labels.start(slot); k < labels.end(slot); k++) {
      if (labels.kindAt(k) !== SKELETON) continue;
      const t = idx.targets[labels.idAt(k)];
      if (t === undefined || t.weak || t.label.length < 4 || hasLeetDigit(t.label) || this.owned(t)) continue;
      const d = detectHomoglyph(name.uLabel, letters, false, name.label, t);
      if (d !== null) this.out.push(d);
    }
  }

  /** Runs of hyphen-separated parts: short brands (`bbc-press`) and typo'd brands beside keywords. */
  private hyphenRuns(label: string, suffix: string): void {
    const idx = this.index;
    const short = idx.shortLabels;
    const codes = this.labelCodes;
    if (label.length + 1 > this.bounds.length) this.bounds = new Int32Array(2 * (label.length + 1));
    const bounds = this.bounds;
    let parts = 1;
    bounds[0] = 0;
    for (let i = 0; i < label.length; i++) if (codes[i] === CODE_HYPHEN) bounds[parts++] = i + 1;
    for (let i = 0; i < parts; i++) {
      for (let j = i; j < parts && j - i < 4; j++) {
        const start = bounds[i] ?? 0;
        const end = j + 1 < parts ? (bounds[j + 1] ?? 0) - 1 : label.length;
        if (start === 0 && end === label.length) continue;
        const slot = short.find(hashRange(codes, start, end));
        if (slot >= 0) {
          for (let k = short.start(slot); k < short.end(slot); k++) {
            const t = idx.targets[short.ids[k] ?? 0];
            if (t) this.push(detectCombo(label, start, end, t, idx.keywords, suffix));
          }
        }
        this.typos.find(label, codes, start, end, start, suffix);
      }
    }
  }
}
