import type { BrandIndex } from '../brands/compile.js';
import type { Target } from '../brands/target.js';
import { detectCombo } from '../detect/combo.js';
import { typoFromShape, typoInRun, typoShape, type TypoShape } from '../detect/typo.js';
import { DeletionEnds, PrefixHashes, hashString } from '../index/index.js';
import type { DetectionSink } from './sink.js';

/** The longest label or run looked up: DeletionEnds keeps the positions of 64 units. */
const MAX_LENGTH = 64;

/**
 * Typo candidates of a label, or of a hyphen run inside it, from the deletion index: the label's own hash,
 * its one-deletion hashes, and for whole labels its two-deletion hashes, each variant asked of the ends filter
 * first. Candidates are typo groups (the targets sharing a brand label), verified once on the real letters
 * before a detection is made for each target.
 */
export class TypoFinder {
  private readonly prefix = new PrefixHashes();
  /** Whether `prefix` holds the label or run being looked up. */
  private hashed = false;
  private readonly ends: DeletionEnds;
  /** The codes of the label being looked up, and where in them the label or run starts, and its length. */
  private codes: Uint16Array = new Uint16Array(0);
  private start = 0;
  private n = 0;
  /** The hash of each group's label: the group a whole label is is found without reading its targets. */
  private readonly labelHash: Uint32Array;
  /** groupStamp[group] === stamp: the typo group was already tried for the label or run being looked up. */
  private readonly groupStamp: Int32Array;
  private stamp = 0;
  private suffix = '';
  /** The label or run being looked up, once a candidate needs it as a string. */
  private text: string | null = null;
  /** Whether the label or run being looked up for typos is an everyday word: -1 not yet known. */
  private runIsWord = -1;
  /**
   * The groups a whole label equal to group g's label is a typo of, exactGroups[exactFirst[g], exactFirst[g + 1]) in
   * the order find() meets them, each with its shape beside it in exactShapes: both depend on the two labels alone.
   */
  private readonly exactFirst: Uint32Array;
  private exactGroups = new Uint32Array(0);
  private exactShapes: TypoShape[] = [];
  /** exactIsWord[g] = 1: group g's label is an everyday word, nobody's typo. */
  private readonly exactIsWord: Uint8Array;
  /** While the exact groups are worked out, the groups met, instead of verifying them. */
  private recording: number[] | null = null;

  constructor(
    private readonly index: BrandIndex,
    private readonly sink: DetectionSink,
  ) {
    this.groupStamp = new Int32Array(index.typoGroups.head.length);
    this.ends = new DeletionEnds(index.deletionEnds);
    this.exactFirst = new Uint32Array(index.typoGroups.head.length + 1);
    this.exactIsWord = new Uint8Array(index.typoGroups.head.length);
    this.labelHash = Uint32Array.from(index.typoGroups.head, (id) => hashString(index.targets[id]?.label ?? ''));
    this.recordExactGroups();
  }

  /**
   * Typo candidates for label[start, end): the whole label (runStart -1) or a hyphen run inside it. `codes` holds the
   * label's code units from 0 (the scanner has read them already).
   */
  find(label: string, codes: Uint16Array, start: number, end: number, runStart: number, suffix: string): void {
    const idx = this.index;
    const n = end - start;
    if (n < idx.minTypoLength || n > idx.maxTypoLength || n > MAX_LENGTH) return;
    this.suffix = suffix;
    this.stamp++;
    this.runIsWord = -1;
    this.text = null;
    this.codes = codes;
    this.start = start;
    this.n = n;
    this.hashed = false;
    // The ends filter answers most variants without a hash or a probe of the deletion table (a cache miss each).
    const ends = this.ends;
    ends.load(codes, start, n);
    if (ends.whole()) {
      const hash = this.hashes().whole();
      const slot = this.index.deletions.find(hash);
      const exact = runStart < 0 && this.recording === null ? this.exactGroup(label, slot, hash) : -1;
      if (exact >= 0) {
        this.pushExact(exact);
        return;
      }
      this.lookupSlot(slot, label, start, end, runStart, 1);
    }
    const singles = ends.collectSingles();
    for (let k = 0; k < singles; k++) this.lookup(this.hashes().without(ends.singles[k] ?? 0), label, start, end, runStart, 1);
    // Two deletions on the name's side only for a whole label, not for every hyphen run inside it: the runs would multiply the cost.
    if (runStart < 0 && n < idx.deepLengths.length && idx.deepLengths[n] === 1) {
      const count = ends.collect();
      for (let k = 0; k < count; k++) {
        this.lookup(this.hashes().without2(ends.pairs[2 * k] ?? 0, ends.pairs[2 * k + 1] ?? 0), label, start, end, runStart, 2);
      }
    }
  }

  /** The prefix hashes of the label or run, taken at the first variant the ends filter lets through (most labels have none). */
  private hashes(): PrefixHashes {
    if (!this.hashed) {
      this.prefix.load(this.codes, this.start, this.start + this.n);
      this.hashed = true;
    }
    return this.prefix;
  }

  /**
   * The typo groups (targets sharing a label) under one hash. `minEdits`: the fewest edits a group met here can be
   * away. A label within one edit always shares the text or a one-deletion variant with it, so it is met before the
   * two-deletion variants are looked up, and those skip every group that allows only one edit.
   */
  private lookup(hash: number, label: string, start: number, end: number, runStart: number, minEdits: number): void {
    this.lookupSlot(this.index.deletions.find(hash), label, start, end, runStart, minEdits);
  }

  private lookupSlot(slot: number, label: string, start: number, end: number, runStart: number, minEdits: number): void {
    if (slot < 0) return;
    const table = this.index.deletions;
    // Nearly every hash has one group, kept in the slot itself.
    const single = table.single(slot);
    if (single >= 0) {
      this.meet(single, label, start, end, runStart, minEdits);
      return;
    }
    for (let k = table.start(slot); k < table.end(slot); k++) {
      if (!this.meet(table.ids[k] ?? 0, label, start, end, runStart, minEdits)) return;
    }
  }

  /** Group g met under a hash: verified unless already tried or allowing fewer than minEdits edits; false to stop (an everyday word). */
  private meet(g: number, label: string, start: number, end: number, runStart: number, minEdits: number): boolean {
    if (this.groupStamp[g] === this.stamp || (this.index.typoGroups.maxEdits[g] ?? 0) < minEdits) return true;
    this.groupStamp[g] = this.stamp;
    if (this.recording !== null) {
      this.recording.push(g);
      return true;
    }
    return this.verify(g, label, start, end, runStart);
  }

  /** Verifies the targets of group g against the label or run; false when the text turns out to be an everyday word (stop). */
  private verify(g: number, label: string, start: number, end: number, runStart: number): boolean {
    const idx = this.index;
    const groups = idx.typoGroups;
    // The shape depends on the label alone: worked out at the group's first target not owned, shared by the rest.
    let shape: TypoShape | null | undefined;
    const last = groups.first[g + 1] ?? 0;
    for (let x = this.nextUnowned(g, groups.first[g] ?? 0); x < last; x = this.nextUnowned(g, x + 1)) {
      const t = idx.targets[groups.members[x] ?? 0];
      if (!t) continue;
      this.text ??= label.slice(start, end);
      // An everyday word is nobody's typo (`cloud` is not `icloud` misspelt).
      if (this.runIsWord === -1) this.runIsWord = idx.generic.has(this.text) ? 1 : 0;
      if (this.runIsWord === 1) return false;
      if (shape === undefined) shape = typoShape(this.text, t);
      if (shape === null) break;
      if (runStart < 0) this.sink.add(typoFromShape(shape, t, this.suffix));
      else this.typoInRun(label, start, end, shape, t);
    }
    return true;
  }

  /**
   * The group whose label is the whole of `label`, or -1, from the slot of the label's own hash (-1: none). A top-list
   * name is often a brand label itself, and then every one of its deletion variants is in the table: the groups they
   * meet were worked out when the finder was built (recordExactGroups) and need no probe. Only a group whose own label
   * has the hash has its label read (the others are in the slot by a deletion variant).
   */
  private exactGroup(label: string, slot: number, hash: number): number {
    if (slot < 0) return -1;
    const table = this.index.deletions;
    const single = table.single(slot);
    if (single >= 0) return this.isLabelOf(single, label, hash) ? single : -1;
    for (let k = table.start(slot); k < table.end(slot); k++) {
      const g = table.ids[k] ?? 0;
      if (this.isLabelOf(g, label, hash)) return g;
    }
    return -1;
  }

  private isLabelOf(g: number, label: string, hash: number): boolean {
    return this.labelHash[g] === hash && this.index.targets[this.index.typoGroups.head[g] ?? 0]?.label === label;
  }

  /**
   * For every group, the groups find() meets for a whole label equal to the group's label, in the order met, and the
   * shape of the label as a typo of each: only the groups it is a typo of are kept (most are too far).
   */
  private recordExactGroups(): void {
    const idx = this.index;
    const groups = idx.typoGroups;
    const met: number[] = [];
    const keptGroups: number[] = [];
    const keptShapes: TypoShape[] = [];
    this.recording = met;
    for (let g = 0; g < groups.head.length; g++) {
      this.exactFirst[g] = keptGroups.length;
      const label = idx.targets[groups.head[g] ?? 0]?.label ?? '';
      this.exactIsWord[g] = idx.generic.has(label) ? 1 : 0;
      met.length = 0;
      this.find(label, Uint16Array.from(label, (c) => c.charCodeAt(0)), 0, label.length, -1, '');
      for (const h of met) {
        const head = idx.targets[groups.head[h] ?? 0];
        const shape = head === undefined ? null : typoShape(label, head);
        if (shape === null) continue;
        keptGroups.push(h);
        keptShapes.push(shape.kept());
      }
    }
    this.exactFirst[groups.head.length] = keptGroups.length;
    this.recording = null;
    this.exactGroups = Uint32Array.from(keptGroups);
    this.exactShapes = keptShapes;
  }

  /**
   * The typos of a whole label equal to group g's label, as verify would find them from the groups recorded for it:
   * a shape depends on the labels alone (every target of a group shares its label, skeleton and maxEdits), so only
   * which brands own the name is left to check. An everyday word is nobody's typo.
   */
  private pushExact(g: number): void {
    if (this.exactIsWord[g] === 1) return;
    const idx = this.index;
    const groups = idx.typoGroups;
    for (let k = this.exactFirst[g] ?? 0; k < (this.exactFirst[g + 1] ?? 0); k++) {
      const met = this.exactGroups[k] ?? 0;
      const shape = this.exactShapes[k];
      if (shape === undefined) continue;
      const end = groups.first[met + 1] ?? 0;
      for (let x = this.nextUnowned(met, groups.first[met] ?? 0); x < end; x = this.nextUnowned(met, x + 1)) {
        const t = idx.targets[groups.members[x] ?? 0];
        if (t) this.sink.add(typoFromShape(shape, t, this.suffix));
      }
    }
  }

  /**
   * The first member of group g from position x on whose brand does not own the name being matched, or the group's
   * end. A brand's members sit together in its group, so an owning brand is asked once and its other members skipped.
   */
  private nextUnowned(g: number, x: number): number {
    const groups = this.index.typoGroups;
    const end = groups.first[g + 1] ?? 0;
    const brands = groups.brands;
    let ownedBrand = -1;
    // The brand is read from the group's own array: no Target object is loaded to ask (a likely cache miss each).
    for (; x < end; x++) {
      const brand = brands[x] ?? 0;
      if (brand === ownedBrand) continue;
      if (!this.sink.ownedBrand(brand)) return x;
      ownedBrand = brand;
    }
    return end;
  }

  /** A hyphen run that is a typo of the brand, beside other words: `mail-en-march`, `microsof-update`. */
  private typoInRun(label: string, start: number, end: number, shape: TypoShape, t: Target): void {
    const combo = detectCombo(label, start, end, t, this.index.keywords, this.suffix);
    if (combo === null) return;
    this.sink.add(typoInRun(combo, shape, t, this.suffix));
  }
}
