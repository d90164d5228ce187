import type { Target } from '../brands/target.js';
import { SkeletonBuffer, skeletonInto } from '../names/index.js';
import { bitsquatReason, isBitFlip } from './bitsquat.js';
import { clampScore, LazyDetection, type Detection, type ReasonSource } from './detection.js';
import type { Technique } from '../types.js';
import { EditTable, oneEdit, type Edit } from './edits.js';
import { hyphenationReason, isHyphenation } from './hyphenation.js';
import { adjacentKeys, isVowel } from './keyboard.js';

/** Base score of a typo by the brand label's length and the number of edits: short labels have many honest neighbours. */
function baseScore(length: number, distance: number): number {
  if (distance === 2) return length >= 12 ? 0.66 : 0.6;
  if (length >= 8) return 0.8;
  if (length >= 6) return 0.72;
  if (length === 5) return 0.62;
  return 0.4;
}

/** Whether a slip is a likely one (a neighbour key, a doubled letter...): what a typo's score counts. */
function isLikely(edit: Edit, brand: string): boolean {
  switch (edit.kind) {
    case 'omission':
      return brand[edit.at - 1] === edit.char || brand[edit.at + 1] === edit.char;
    case 'insertion':
      return (
        brand[edit.at - 1] === edit.char ||
        brand[edit.at] === edit.char ||
        adjacentKeys(brand[edit.at - 1] ?? '', edit.char) ||
        adjacentKeys(brand[edit.at] ?? '', edit.char)
      );
    case 'replacement':
      return adjacentKeys(edit.from, edit.to) || (isVowel(edit.from) && isVowel(edit.to));
    case 'transposition':
      return true;
  }
}

/** How a reader would name one slip. */
function describe(edit: Edit, brand: string): string {
  switch (edit.kind) {
    case 'omission': {
      const doubled = brand[edit.at - 1] === edit.char || brand[edit.at + 1] === edit.char;
      return `\`${edit.char}\` left out${doubled ? ' of a double letter' : ''}`;
    }
    case 'insertion': {
      const repeated = brand[edit.at - 1] === edit.char || brand[edit.at] === edit.char;
      const near = adjacentKeys(brand[edit.at - 1] ?? '', edit.char) || adjacentKeys(brand[edit.at] ?? '', edit.char);
      return repeated ? `\`${edit.char}\` doubled` : `\`${edit.char}\` added${near ? ' (next key)' : ''}`;
    }
    case 'replacement': {
      if (adjacentKeys(edit.from, edit.to)) return `\`${edit.to}\` for \`${edit.from}\` (next key)`;
      if (isVowel(edit.from) && isVowel(edit.to)) return `\`${edit.to}\` for \`${edit.from}\` (vowel swap)`;
      return `\`${edit.to}\` for \`${edit.from}\``;
    }
    case 'transposition':
      return `\`${edit.pair}\` swapped to \`${edit.pair[1] ?? ''}${edit.pair[0] ?? ''}\``;
  }
}

/**
 * What a typo of one brand label looks like, from the label alone: worked out once and shared by every target with
 * that label (a brand with 200 country domains has 200 targets labelled `google`). Only the score of a plain typo
 * still depends on the target, through its suffix. Its reasons are built when first read: a quarter of CT miss names
 * make a typo that ends under the threshold. They hang on the brand label and the edits alone, both held here.
 */
export class TypoShape implements ReasonSource {
  private memo: readonly string[] | null = null;

  constructor(
    readonly score: number,
    readonly techniques: readonly Technique[],
    /** A plain typo scores more under the brand's own suffix. */
    readonly bySuffix: boolean,
    private readonly brand: string,
    private readonly edits: readonly Edit[],
  ) {}

  get reasons(): readonly string[] {
    this.memo ??= [typoReason(this.techniques, this.brand, this.edits)];
    return this.memo;
  }

  reasonsFor(): readonly string[] {
    return this.reasons;
  }

  /**
   * A copy to keep for good, its reasons built now and here, holding no edits: V8 moves an allocation site whose
   * objects mostly outlive young collections to the old generation, and the edits' and the getter's, whose objects
   * otherwise die with their name, would follow (kept edits tripled the GC time of top-list hit names).
   */
  kept(): TypoShape {
    const copy = new TypoShape(this.score, this.techniques, this.bySuffix, this.brand, NO_EDITS);
    copy.memo = [typoReason(this.techniques, this.brand, this.edits)];
    return copy;
  }
}

function typoReason(techniques: readonly Technique[], brand: string, edits: readonly Edit[]): string {
  if (techniques === HYPHENATION) return hyphenationReason(brand, edits);
  const only = edits[0];
  if (techniques === BITSQUAT && only?.kind === 'replacement') return bitsquatReason(only.from, only.to) + ` in \`${brand}\``;
  let slips = '';
  for (let k = 0; k < edits.length; k++) {
    const text = describe(edits[k] as Edit, brand);
    slips += k === 0 ? text : `, ${text}`;
  }
  return `typo of \`${brand}\`: ${slips}`;
}

const sk = new SkeletonBuffer(256);
const NO_EDITS: readonly Edit[] = Object.freeze([]);
/** Shared, never written: a detection's techniques are read and copied, not changed. */
const TYPO: readonly Technique[] = ['typo'];
const HYPHENATION: readonly Technique[] = ['hyphenation'];
const BITSQUAT: readonly Technique[] = ['bitsquat'];
const table = new EditTable();

/** Whether `label` has the skeleton `skeleton`, without building the label's skeleton as a string. */
function sameSkeleton(label: string, skeleton: string): boolean {
  sk.reset();
  skeletonInto(label, 0, label.length, sk);
  if (sk.length !== skeleton.length) return false;
  for (let i = 0; i < sk.length; i++) if (sk.codes[i] !== skeleton.charCodeAt(i)) return false;
  return true;
}

/** The shape of `label` as a typo of the brand label of `target`, or null when it is none (too far, equal, or a homoglyph). */
export function typoShape(label: string, target: Target): TypoShape | null {
  if (target.maxEdits === 0) return null;
  let edits: Edit[];
  let distance = 1;
  if (target.maxEdits === 1) {
    const edit = oneEdit(target.label, label);
    if (edit === null) return null;
    // Look-alike letters are a homoglyph, reported by that detector, not a slip of the finger.
    if (sameSkeleton(label, target.skeleton)) return null;
    edits = [edit];
  } else {
    distance = table.fill(target.label, label, target.maxEdits);
    if (distance === 0 || distance > target.maxEdits) return null;
    if (sameSkeleton(label, target.skeleton)) return null;
    edits = table.script();
  }
  const brand = target.label;
  if (isHyphenation(edits)) return new TypoShape(0.8, HYPHENATION, false, brand, edits);
  const only = edits.length === 1 ? edits[0] : undefined;
  if (only?.kind === 'replacement' && isBitFlip(only.from, only.to) && !adjacentKeys(only.from, only.to)) {
    return new TypoShape(clampScore(baseScore(brand.length, 1) - 0.05), BITSQUAT, false, brand, edits);
  }
  let likely = 0;
  for (let k = 0; k < edits.length; k++) if (isLikely(edits[k] as Edit, brand)) likely++;
  return new TypoShape(baseScore(brand.length, distance) + 0.06 * likely, TYPO, true, brand, edits);
}

/** The detection a shape gives for one target under the name's suffix. */
export function typoFromShape(shape: TypoShape, target: Target, suffix: string): Detection {
  if (!shape.bySuffix) return new LazyDetection(target, shape.score, shape.techniques, shape);
  const sameSuffix = suffix === target.suffix ? 0.06 : 0;
  return new LazyDetection(target, clampScore(shape.score + sameSuffix), shape.techniques, shape);
}

/** The techniques of a typo'd brand inside a hyphen run beside other words: shared, never written. */
const COMBO_TYPO: readonly Technique[] = Object.freeze(['combo', 'typo']);
const COMBO_HYPHENATION: readonly Technique[] = Object.freeze(['combo', 'hyphenation']);
const COMBO_BITSQUAT: readonly Technique[] = Object.freeze(['combo', 'bitsquat']);

/** [...combo, ...typo] for a plain combo, from the shared arrays; a fresh array otherwise (a levelsquat too). */
function inRunTechniques(combo: readonly Technique[], typo: readonly Technique[]): readonly Technique[] {
  if (combo.length !== 1 || combo[0] !== 'combo') return [...combo, ...typo];
  return typo === TYPO ? COMBO_TYPO : typo === HYPHENATION ? COMBO_HYPHENATION : typo === BITSQUAT ? COMBO_BITSQUAT : [...combo, ...typo];
}

/** The reasons of a typo'd brand inside a hyphen run: the combo's, then the typo's. */
class InRunReasons implements ReasonSource {
  constructor(
    private readonly combo: Detection,
    private readonly shape: TypoShape,
  ) {}

  reasonsFor(): readonly string[] {
    return [...this.combo.reasons, ...this.shape.reasons];
  }
}

/** The detection for a hyphen run that is a typo of the target's label, found as `combo` beside other words (`mail-en-march`). */
export function typoInRun(combo: Detection, shape: TypoShape, target: Target, suffix: string): Detection {
  const typo = typoFromShape(shape, target, suffix);
  const techniques = inRunTechniques(combo.techniques, shape.techniques);
  return new LazyDetection(target, Math.min(combo.score, typo.score + 0.1), techniques, new InRunReasons(combo, shape));
}
