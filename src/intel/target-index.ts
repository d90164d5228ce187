/**
 * Which labels carry a brand's word: a trigram index over every known actor label and every unknown
 * lookalike label (hyphens dropped), built once with the knowledge. A query walks the posting list of
 * the word's rarest trigram and checks each label there, so the first attribution naming a new brand
 * no longer scans the 21k-name phishing list and the actors' 250k names (up to 40 ms measured before;
 * see bench/attribute.ts). Trigram keys are hashed; a collision only adds labels to check.
 */

/** Owner of a label: an actor identity id, or BACKGROUND for the unknown lookalikes. */
export const BACKGROUND = -1;

const MEMO_LIMIT = 10_000;

function trigram(s: string, i: number): number {
  return (Math.imul(Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ s.charCodeAt(i + 1), 0x85ebca6b) ^ s.charCodeAt(i + 2)) >>> 0;
}

export class TargetIndex {
  private readonly labels: string[] = [];
  private readonly owners: number[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly memo = new Map<string, ReadonlyMap<number, number>>();
  /** Labels per owner. */
  readonly sizes = new Map<number, number>();

  /** Adds an owner's labels (duplicates count as often as they are given). */
  add(owner: number, labels: Iterable<string>): void {
    for (const raw of labels) {
      const label = raw.replaceAll('-', '');
      const id = this.labels.length;
      this.labels.push(label);
      this.owners.push(owner);
      this.sizes.set(owner, (this.sizes.get(owner) ?? 0) + 1);
      for (let i = 0; i + 3 <= label.length; i++) {
        const key = trigram(label, i);
        const list = this.postings.get(key);
        if (list === undefined) this.postings.set(key, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }

  /** Owner → how many of its labels contain `word` (lower case, no hyphens); memoised per word. */
  counts(word: string): ReadonlyMap<number, number> {
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    const out = new Map<number, number>();
    const check = (i: number) => {
      if ((this.labels[i] as string).includes(word)) {
        const o = this.owners[i] as number;
        out.set(o, (out.get(o) ?? 0) + 1);
      }
    };
    const rarest = this.rarestPosting(word);
    if (rarest === null) for (let i = 0; i < this.labels.length; i++) check(i);
    else for (const i of rarest) check(i);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, out);
    return out;
  }

  /** The shortest posting list among the word's trigrams; null for words under three characters. */
  private rarestPosting(word: string): readonly number[] | null {
    if (word.length < 3) return null;
    let best: readonly number[] | null = null;
    for (let i = 0; i + 3 <= word.length; i++) {
      const list = this.postings.get(trigram(word, i));
      if (list === undefined) return [];
      if (best === null || list.length < best.length) best = list;
    }
    return best;
  }
}
