import type { BrandIndex } from '../brands/compile.js';
import type { Target } from '../brands/target.js';
import { detectCombo } from '../detect/combo.js';
import { typoFromShape, typoShape, type TypoShape } from '../detect/typo.js';
import { PairEnds, PrefixHashes } from '../index/index.js';
import type { DetectionSink } from './sink.js';

/**
 * Typo candidates of a label, or of a hyphen run inside it, from the deletion index: the label's own hash,
 * its one-deletion hashes, and for whole labels its two-deletion hashes (asked of the ends filter first).
 * Every candidate is verified on the real letters before a detection is made.
 */
export class TypoFinder {
  private readonly prefix = new PrefixHashes();
  private readonly pairEnds: PairEnds;
  private readonly labelCodes = new Uint16Array(64);
  /** typoStamp[target] === stamp: the target was already tried for the label or run being looked up. */
  private readonly typoStamp: Int32Array;
  private stamp = 0;
  /** maxEdits of each target, by id: read without touching the target. */
  private readonly maxEdits: Uint8Array;
  private suffix = '';
  /** Whether the label or run being looked up for typos is an everyday word: -1 not yet known. */
  private runIsWord = -1;
  /** The typo shape of the run against the last brand label tried (targets sharing a label come one after another). */
  private shapeLabel: string | null = null;
  private shapeEdits = 0;
  private shape: TypoShape | null = null;

  constructor(
    private readonly index: BrandIndex,
    private readonly sink: DetectionSink,
  ) {
    this.typoStamp = new Int32Array(index.targets.length);
    this.pairEnds = new PairEnds(index.deletionEnds);
    this.maxEdits = new Uint8Array(index.targets.length);
    for (const t of index.targets) this.maxEdits[t.id] = t.maxEdits;
  }

  /** Typo candidates for label[start, end): the whole label (runStart -1) or a hyphen run inside it. */
  find(label: string, start: number, end: number, runStart: number, suffix: string): void {
    const idx = this.index;
    const n = end - start;
    if (n < idx.minTypoLength || n > idx.maxTypoLength || n > this.labelCodes.length) return;
    this.suffix = suffix;
    this.stamp++;
    this.runIsWord = -1;
    this.shapeLabel = null;
    for (let i = 0; i < n; i++) this.labelCodes[i] = label.charCodeAt(start + i);
    this.prefix.load(this.labelCodes, 0, n);
    this.lookup(this.prefix.whole(), label, start, end, runStart, 1);
    for (let i = 0; i < n; i++) this.lookup(this.prefix.without(i), label, start, end, runStart, 1);
    // Two deletions on the name's side only for a whole label, not for every hyphen run inside it: the runs would multiply the cost.
    if (runStart < 0 && n < idx.deepLengths.length && idx.deepLengths[n] === 1) {
      // The ends filter answers most variants without a hash or a table probe.
      const ends = this.pairEnds;
      const count = ends.collect(this.labelCodes, n);
      for (let k = 0; k < count; k++) {
        this.lookup(this.prefix.without2(ends.pairs[2 * k] ?? 0, ends.pairs[2 * k + 1] ?? 0), label, start, end, runStart, 2);
      }
    }
  }

  /**
   * `minEdits`: the fewest edits a target met here can be away. A target within one edit always shares the label
   * or a one-deletion variant with it, so it is met before the two-deletion variants are looked up, and those skip
   * every target that allows only one edit without reading it.
   */
  private lookup(hash: number, label: string, start: number, end: number, runStart: number, minEdits: number): void {
    const idx = this.index;
    const slot = idx.deletions.find(hash);
    if (slot < 0) return;
    for (let k = idx.deletions.start(slot); k < idx.deletions.end(slot); k++) {
      const id = idx.deletions.ids[k] ?? 0;
      if (this.typoStamp[id] === this.stamp || (this.maxEdits[id] ?? 0) < minEdits) continue;
      this.typoStamp[id] = this.stamp;
      const t = idx.targets[id];
      if (!t || this.sink.owned(t)) continue;
      const text = label.slice(start, end);
      // An everyday word is nobody's typo (`cloud` is not `icloud` misspelt).
      if (this.runIsWord === -1) this.runIsWord = idx.generic.has(text) ? 1 : 0;
      if (this.runIsWord === 1) return;
      const shape = this.shapeFor(text, t);
      if (shape === null) continue;
      if (runStart < 0) this.sink.push(typoFromShape(shape, t, this.suffix));
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
    this.sink.push({
      target: t,
      score: Math.min(combo.score, typo.score + 0.1),
      techniques: [...combo.techniques, ...typo.techniques],
      reasons: [...combo.reasons, ...typo.reasons],
    });
  }
}
