import { skeleton } from '../names/index.js';
import { SegmentSymbols } from './segment-symbols.js';
import { Automaton, symbolOf } from '../index/index.js';
import { SPOT_LETTER, SPOT_SHORT } from './keyword-spots.js';

const ALPHABET = 36;

/** How reasons name the keywords found: "keyword `mail`", "keywords `secure`, `login`"; '' for none. */
export function keywordPhrase(keywords: readonly string[]): string {
  if (keywords.length === 0) return '';
  // A loop, not map/join: built for every hit whose reasons list keywords.
  let list = `\`${keywords[0] ?? ''}\``;
  for (let i = 1; i < keywords.length; i++) list += `, \`${keywords[i] ?? ''}\``;
  return `keyword${keywords.length > 1 ? 's' : ''} ${list}`;
}

/** KeywordSet.pairs: a keyword starts with the pair. */
export const PAIR_START = 1;
/** KeywordSet.pairs: a keyword ends with the pair. */
export const PAIR_END = 2;

/** A segment split into keywords: see KeywordSet.cover. */
export interface Cover {
  readonly found: readonly string[];
  readonly uncovered: number;
  readonly letters: number;
  /**
   * Whether a keyword could run on past the segment's end with nothing uncovered before it. A segment that is not
   * covered whole can only be covered whole joined with the next one when this holds, so readers skip that cover.
   */
  readonly open: boolean;
}

/** Covers remembered at most between two calls of `forget`: a name has few segments, searched in order. */
const MEMO_SIZE = 16;

const NONE: readonly string[] = Object.freeze([]);

/**
 * The covers that find no keyword, by letters and open, made once: most segments have no keyword, and a cover is never
 * changed. Not frozen: a frozen object has a map of its own, and every reader of a Cover would then see two.
 */
const BARE_COVERS = 64;
const BARE: Cover[] = [];
for (let letters = 0; letters < BARE_COVERS; letters++) {
  for (const open of [false, true]) BARE.push({ found: NONE, uncovered: letters, letters, open });
}

/**
 * The words phishers put beside a brand (`mail`, `login`, `secure`, `accounts`...), held as skeletons in
 * a trie so `loqin` and `rnail` read as `login` and `mail`, and so a long label is split into keywords
 * in one pass with no substring built.
 */
export class KeywordSet {
  private readonly words: Set<string>;
  /** Trie over skeleton symbols: next[node * 36 + symbol], 0 = none (node 0 is the root, never a child). */
  private next: Int32Array | Uint16Array;
  /** Length of the keyword ending at a node, -1 for a two-letter keyword, or 0. */
  private ends: Int32Array | Int16Array;
  private nodes = 1;
  /** The trie node two symbols down from the root, by symbol pair (0 = none): keywords have two symbols at least. */
  private readonly bigram = new Int32Array(ALPHABET * ALPHABET);
  private readonly buffer = new SegmentSymbols();
  private best = new Int32Array(128);
  private from = new Int32Array(128);
  /** Covers of the segments read since the last `forget` (the matcher forgets at each name), oldest overwritten first. */
  private readonly memoKeys: string[] = new Array<string>(MEMO_SIZE).fill('');
  private readonly memoCovers: Cover[] = [];
  private memoCount = 0;
  /** The keywords' skeletons in an Aho–Corasick automaton: every keyword of a name in one pass (see KeywordSpots). */
  readonly automaton: Automaton;
  /** pairs[s0 * 36 + s1]: bit START when some keyword's skeleton starts with symbols s0 s1, bit END when one ends with them. */
  readonly pairs = new Uint8Array(ALPHABET * ALPHABET);
  /** Per automaton pattern: SPOT_SHORT and SPOT_LETTER, as the trie has them. */
  readonly spotFlags: Uint8Array;
  /** After countRange: the cover's uncovered letters, letters, whether it is open, and how many keywords it finds. */
  uncovered = 0;
  letters = 0;
  open = false;
  counted = 0;

  constructor(keywords: Iterable<string>) {
    this.words = new Set();
    this.next = new Int32Array(64 * ALPHABET);
    this.ends = new Int32Array(64);
    for (const k of keywords) {
      const s = skeleton(k.toLowerCase()).replace(/[-._\s]/g, '');
      if (s.length < 2 || !/^[a-z0-9]+$/.test(s)) continue;
      this.words.add(s);
      this.insert(s, k.replace(/[-._\s]/g, '').length <= 2);
    }
    this.compact();
    for (let a = 0; a < ALPHABET; a++) {
      const child = this.next[a] ?? 0;
      if (child !== 0) for (let b = 0; b < ALPHABET; b++) this.bigram[a * ALPHABET + b] = this.next[child * ALPHABET + b] ?? 0;
    }
    const words = [...this.words];
    for (const w of words) {
      const n = w.length;
      const start = symbolOf(w.charCodeAt(0)) * ALPHABET + symbolOf(w.charCodeAt(1));
      const end = symbolOf(w.charCodeAt(n - 2)) * ALPHABET + symbolOf(w.charCodeAt(n - 1));
      this.pairs[start] = (this.pairs[start] ?? 0) | PAIR_START;
      this.pairs[end] = (this.pairs[end] ?? 0) | PAIR_END;
    }
    this.automaton = new Automaton(words, { denseDepth: Infinity, flat: true });
    this.spotFlags = new Uint8Array(words.length);
    words.forEach((w, p) => {
      let node = 0;
      for (let i = 0; i < w.length; i++) node = this.next[node * ALPHABET + symbolOf(w.charCodeAt(i))] ?? 0;
      this.spotFlags[p] = (this.ends[node] === -1 ? SPOT_SHORT : 0) | (/[a-z]/.test(w) ? SPOT_LETTER : 0);
    });
  }

  /**
   * The trie renumbered breadth-first into a Uint16Array (and its ends into an Int16Array): the shallow nodes most
   * walks touch share cache lines, and the table is half the size (~75 KB for 289 keywords instead of ~150 KB).
   */
  private compact(): void {
    const nodes = this.nodes;
    if (nodes > 0xffff) return;
    const order = [0];
    const renumber = new Int32Array(nodes);
    for (let q = 0; q < order.length; q++) {
      const node = order[q] ?? 0;
      for (let a = 0; a < ALPHABET; a++) {
        const child = this.next[node * ALPHABET + a] ?? 0;
        if (child !== 0) {
          renumber[child] = order.length;
          order.push(child);
        }
      }
    }
    const next = new Uint16Array(nodes * ALPHABET);
    const ends = new Int16Array(nodes);
    order.forEach((node, r) => {
      for (let a = 0; a < ALPHABET; a++) next[r * ALPHABET + a] = renumber[this.next[node * ALPHABET + a] ?? 0] ?? 0;
      ends[r] = this.ends[node] ?? 0;
    });
    this.next = next;
    this.ends = ends;
  }

  private insert(word: string, short: boolean): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const sym = symbolOf(word.charCodeAt(i));
      let child = this.next[node * ALPHABET + sym] ?? 0;
      if (child === 0) {
        if ((this.nodes + 1) * ALPHABET > this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
          const ends = new Int32Array(this.ends.length * 2);
          ends.set(this.ends);
          this.ends = ends;
        }
        child = this.nodes++;
        this.next[node * ALPHABET + sym] = child;
      }
      node = child;
    }
    // A short word (two letters as written, even if its skeleton is longer: `ma` → `rna`) is marked -1.
    this.ends[node] = short ? -1 : word.length;
  }

  /** `cover(segment)`, remembered until `forget`: the same answer, computed once per segment. */
  coverOnce(segment: string): Cover {
    const known = Math.min(this.memoCount, MEMO_SIZE);
    for (let i = 0; i < known; i++) {
      if (this.memoKeys[i] === segment) {
        const c = this.memoCovers[i];
        if (c !== undefined) return c;
      }
    }
    const c = this.cover(segment);
    const at = this.memoCount++ % MEMO_SIZE;
    this.memoKeys[at] = segment;
    this.memoCovers[at] = c;
    return c;
  }

  /** Forgets the remembered covers (the matcher calls this for each new name). */
  forget(): void {
    this.memoCount = 0;
  }

  has(word: string): boolean {
    return this.words.has(skeleton(word));
  }

  get size(): number {
    return this.words.size;
  }

  /**
   * Splits `original` (one hyphen-free segment) into keywords as far as possible, comparing skeletons.
   * Returns the keywords found, as written in `original`, how many skeleton letters no keyword covers,
   * and how many letters there are. Digits count as covered: `office365`, `mail2` are keyword-like.
   * Two-letter keywords (`my`, `id`, `fr`) only count standing alone: inside words they are everywhere.
   */
  cover(original: string): Cover {
    return this.coverRange(original, 0, original.length);
  }

  /** `cover(text.slice(start, end))`, with no slice made: the keywords found are the only strings built. */
  coverRange(text: string, start: number, end: number): Cover {
    const n = this.fill(text, start, end);
    const uncovered = this.best[n] ?? 0;
    const letters = this.letters;
    const open = this.open;
    let count = this.keywordCount(n);
    if (count === 0) return uncovered === letters && letters < BARE_COVERS ? (BARE[2 * letters + (open ? 1 : 0)] as Cover) : { found: NONE, uncovered, letters, open };
    const found = new Array<string>(count);
    const from = this.from;
    const origin = this.buffer.origin;
    for (let i = n; i > 0; ) {
      const f = from[i] ?? -1;
      if (f >= 0) {
        const a = origin[f] ?? 0;
        const b = i < n ? (origin[i] ?? end) : end;
        found[--count] = text.slice(a, b);
        i = f;
      } else i--;
    }
    return { found, uncovered, letters, open };
  }

  /**
   * coverRange's numbers with nothing built: afterwards `counted` holds how many keywords the cover finds, and
   * `uncovered`, `letters` and `open` the rest of it. For readers that need the keywords themselves only later, if ever.
   */
  countRange(text: string, start: number, end: number): void {
    const n = this.fill(text, start, end);
    this.uncovered = this.best[n] ?? 0;
    this.counted = this.keywordCount(n);
  }

  /** Keywords on the best cover's path back from n: they are rare, so this is counted before any array is made. */
  private keywordCount(n: number): number {
    const from = this.from;
    let count = 0;
    for (let i = n; i > 0; ) {
      const f = from[i] ?? -1;
      if (f >= 0) {
        count++;
        i = f;
      } else i--;
    }
    return count;
  }

  /** The cover's table over text[start, end): best[i] the fewest uncovered letters up to symbol i, from[i] how; sets letters and open, returns the symbols read. */
  private fill(text: string, start: number, end: number): number {
    const buf = this.buffer;
    buf.read(text, start, end);
    const n = buf.length;
    if (n + 1 > this.best.length) {
      this.best = new Int32Array(2 * (n + 1));
      this.from = new Int32Array(2 * (n + 1));
    }
    const best = this.best;
    const from = this.from;
    const symbols = buf.symbols;
    const next = this.next;
    const ends = this.ends;
    const bigram = this.bigram;
    // Plain loops, not fill(): a segment is ~9 letters, and the builtin calls cost more than the stores.
    for (let i = 1; i <= n; i++) best[i] = 0x3fffffff;
    best[0] = 0;
    let letters = 0;
    let open = false;
    for (let i = 0; i < n; i++) {
      // Symbols 26–35 are the digits (0 and 1 read as o and l in a skeleton, so they are letters here).
      const isDigit = (symbols[i] ?? 0) >= 26;
      if (!isDigit) letters++;
      const here = best[i] ?? 0;
      const skip = here + (isDigit ? 0 : 1);
      if (skip < (best[i + 1] ?? 0)) {
        best[i + 1] = skip;
        from[i + 1] = -1;
      }
      // Keywords are 2+ symbols long: the first two steps are one lookup in a small (L1-resident) table.
      const s0 = symbols[i] ?? 0;
      if (i + 1 >= n) {
        if (here === 0 && s0 >= 0 && (next[s0] ?? 0) !== 0) open = true;
        continue;
      }
      const s1 = symbols[i + 1] ?? 0;
      if (s0 < 0 || s1 < 0) continue;
      let node = bigram[s0 * ALPHABET + s1] ?? 0;
      for (let j = i + 1; node !== 0; ) {
        const len = ends[node] ?? 0;
        if (len !== 0 && (len !== -1 || (i === 0 && j === n - 1)) && here < (best[j + 1] ?? 0)) {
          best[j + 1] = here;
          from[j + 1] = i;
        }
        if (++j >= n) {
          if (here === 0) open = true;
          break;
        }
        const sym = symbols[j] ?? 0;
        if (sym < 0) break;
        node = next[node * ALPHABET + sym] ?? 0;
      }
    }
    this.letters = letters;
    this.open = open;
    return n;
  }
}
