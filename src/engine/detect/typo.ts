import type { Target } from '../brands/target.js';
import { SkeletonBuffer, skeletonInto } from '../names/index.js';
import { bitsquatReason, isBitFlip } from './bitsquat.js';
import { clampScore, type Detection } from './detection.js';
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

/** How a reader would name one slip, and whether it is a likely one (a neighbour key, a doubled letter...). */
function describe(edit: Edit, brand: string): { text: string; likely: boolean } {
  switch (edit.kind) {
    case 'omission': {
      const doubled = brand[edit.at - 1] === edit.char || brand[edit.at + 1] === edit.char;
      return { text: `\`${edit.char}\` left out${doubled ? ' of a double letter' : ''}`, likely: doubled };
    }
    case 'insertion': {
      const repeated = brand[edit.at - 1] === edit.char || brand[edit.at] === edit.char;
      const near = adjacentKeys(brand[edit.at - 1] ?? '', edit.char) || adjacentKeys(brand[edit.at] ?? '', edit.char);
      return { text: repeated ? `\`${edit.char}\` doubled` : `\`${edit.char}\` added${near ? ' (next key)' : ''}`, likely: repeated || near };
    }
    case 'replacement': {
      if (adjacentKeys(edit.from, edit.to)) return { text: `\`${edit.to}\` for \`${edit.from}\` (next key)`, likely: true };
      if (isVowel(edit.from) && isVowel(edit.to)) return { text: `\`${edit.to}\` for \`${edit.from}\` (vowel swap)`, likely: true };
      return { text: `\`${edit.to}\` for \`${edit.from}\``, likely: false };
    }
    case 'transposition':
      return { text: `\`${edit.pair}\` swapped to \`${edit.pair[1] ?? ''}${edit.pair[0] ?? ''}\``, likely: true };
  }
}

/**
 * What a typo of one brand label looks like, from the label alone: worked out once and shared by every target with
 * that label (a brand with 200 country domains has 200 targets labelled `google`). Only the score of a plain typo
 * still depends on the target, through its suffix.
 */
export interface TypoShape {
  readonly techniques: readonly Technique[];
  readonly reasons: readonly string[];
  readonly score: number;
  /** A plain typo scores more under the brand's own suffix. */
  readonly bySuffix: boolean;
}

const sk = new SkeletonBuffer(256);
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
  if (isHyphenation(edits)) {
    return { score: 0.8, techniques: HYPHENATION, reasons: [hyphenationReason(target.label, edits)], bySuffix: false };
  }
  const only = edits.length === 1 ? edits[0] : undefined;
  if (only?.kind === 'replacement' && isBitFlip(only.from, only.to) && !adjacentKeys(only.from, only.to)) {
    return { score: clampScore(baseScore(target.label.length, 1) - 0.05), techniques: BITSQUAT, reasons: [bitsquatReason(only.from, only.to) + ` in \`${target.label}\``], bySuffix: false };
  }
  let likely = 0;
  let slips = '';
  for (let k = 0; k < edits.length; k++) {
    const d = describe(edits[k] as Edit, target.label);
    if (d.likely) likely++;
    slips += k === 0 ? d.text : `, ${d.text}`;
  }
  return {
    score: baseScore(target.label.length, distance) + 0.06 * likely,
    techniques: TYPO,
    reasons: [`typo of \`${target.label}\`: ${slips}`],
    bySuffix: true,
  };
}

/** The detection a shape gives for one target under the name's suffix. */
export function typoFromShape(shape: TypoShape, target: Target, suffix: string): Detection {
  if (!shape.bySuffix) return { target, score: shape.score, techniques: shape.techniques, reasons: shape.reasons };
  const sameSuffix = suffix === target.suffix ? 0.06 : 0;
  return { target, score: clampScore(shape.score + sameSuffix), techniques: shape.techniques, reasons: shape.reasons };
}
