/**
 * An Aho–Corasick automaton, compiled to a dense DFA over [a-z0-9], that finds every brand token inside a
 * name's skeleton in one pass, whatever the number of brands. Separators (`-`, `.`, `_`) are skipped, so
 * the token `enrnarche` is found in `en-marche`, `enmarche` and `en.marche` alike; any other code point
 * sends the automaton back to the root.
 *
 * Layout (10,000 brands give ~56k states, most of them deep in one brand's chain): only the shallow states
 * (depth <= 6: ~22k, where ~97% of CT-name steps land) get a dense row of 36 transitions, numbered breadth-first
 * so they share cache lines, in a Uint16Array when the states fit. A deeper state has an 8-byte record (its
 * failure link, its one child inline or where its several are), numbered depth first so a brand's chain lies in
 * a few cache lines, and a step from it follows failure links down to a hit or a dense row. The tables take
 * 2.3 MB instead of 8.5 MB (Int32, all dense). Dense depth 4 (1.5 MB) is as fast on top-list names but ~7% slower
 * on CT names, whose `www` runs step through depths 5 and 6 (in-process A/B). Dense states with an output are
 * numbered last, so a step tests a range instead of reading outputs; a deep state's record says whether it has one.
 */

const ALPHABET = 36;
const SKIP = -2;
const RESET = -1;

/** Symbol of a code unit: 0–35 for [a-z0-9], SKIP for separators, RESET for anything else. */
export function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  if (code === 45 || code === 46 || code === 95) return SKIP;
  return RESET;
}

/** symbolOf each ASCII code: one table read in the scan loop instead of up to five range tests. */
const ASCII_SYMBOLS = new Int8Array(128);
for (let c = 0; c < 128; c++) ASCII_SYMBOLS[c] = symbolOf(c);

export interface AutomatonMatches {
  /** Pattern ids found, in order of their end. */
  readonly pattern: Int32Array;
  /** Index (in the scanned codes) of each match's last code unit. */
  readonly end: Int32Array;
  count: number;
}

export function createMatches(capacity = 64): AutomatonMatches {
  return { pattern: new Int32Array(capacity), end: new Int32Array(capacity), count: 0 };
}

/** Most states a Uint16Array transition table can number. */
const NARROW_STATES = 0x10000;
/** A deep record's failure-link word: the state has an output. */
const DEEP_OUTPUT = 1 << 30;
/** A deep record's child word: no child. */
const NO_CHILD = -1;
/** States this deep or shallower get a dense row. */
const DENSE_DEPTH = 6;

export interface AutomatonLayout {
  /** The most states for which the table is a Uint16Array. */
  readonly narrowStates?: number;
  /** States this deep or shallower get a dense row; deeper ones a child list and a failure link. */
  readonly denseDepth?: number;
  /**
   * Also keep the table premultiplied for scanFlat, when every state is dense and the rows fit a Uint16Array (a small
   * automaton such as the keywords'): a step is then one add and one read, no multiply, ~35% faster.
   */
  readonly flat?: boolean;
}

export class Automaton {
  /** delta[state * 36 + symbol]: the next state, for the dense states [0, dense). */
  private readonly delta: Uint16Array | Int32Array;
  /** flat[state * 36 + symbol] = next state * 36, for the layout's `flat`, or null. */
  private readonly flat: Uint16Array | null;
  private readonly dense: number;
  /** Dense states numbered from here on have an output (their own pattern or one along their suffix links). */
  private readonly firstDenseOutput: number;
  /**
   * Deep state s, at (s - dense) * 2: its failure link (DEEP_OUTPUT set when it has an output), then its one child as
   * child << 8 | symbol, NO_CHILD, or for several -(2 + where they start in `kids`). A step reads one 8-byte record,
   * and deep states are numbered depth first, so a brand's chain of them lies in a few cache lines.
   */
  private readonly deep: Int32Array;
  /** Several children of a deep state: their count, then child << 8 | symbol for each. */
  private readonly kids: Int32Array;
  /** Pattern id ending exactly at the state, or -1. */
  private readonly out: Int32Array;
  /** Next state along the suffix links that has an output, or -1. */
  private readonly dict: Int32Array;
  /** Length (in symbols) of each pattern. */
  readonly patternLength: Int32Array;
  readonly states: number;

  /** Patterns must be non-empty strings of [a-z0-9]; equal patterns are merged into the first id, and `alias` says which. */
  readonly alias: Int32Array;

  /** `layout` is for tests: the defaults are the fast ones. */
  constructor(patterns: readonly string[], layout: AutomatonLayout = {}) {
    const goto: number[][] = [[]];
    const outList: number[] = [-1];
    this.alias = new Int32Array(patterns.length).fill(-1);
    this.patternLength = new Int32Array(patterns.length);
    patterns.forEach((p, id) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const sym = symbolOf(p.charCodeAt(i));
        if (sym < 0) throw new Error(`automaton pattern ${JSON.stringify(p)} has a character outside [a-z0-9]`);
        const row = goto[s] ?? [];
        let next = row[sym];
        if (next === undefined) {
          next = goto.length;
          row[sym] = next;
          goto.push([]);
          outList.push(-1);
        }
        s = next;
      }
      this.patternLength[id] = p.length;
      if ((outList[s] ?? -1) === -1) outList[s] = id;
      this.alias[id] = outList[s] ?? id;
    });
    this.states = goto.length;
    const built = build(goto, Int32Array.from(outList));
    // Renumber: the dense states breadth-first, those without an output first (a step tests a range, not `out`), then
    // the deep ones depth first (a brand's chain consecutive).
    const denseDepth = layout.denseDepth ?? DENSE_DEPTH;
    const hasOutput = (s: number): boolean => (outList[s] ?? -1) !== -1 || (built.dict[s] ?? -1) !== -1;
    const isDense = (s: number): boolean => (built.depth[s] ?? 0) <= denseDepth;
    const renumber = new Int32Array(this.states);
    let next = 0;
    for (const s of built.order) if (isDense(s) && !hasOutput(s)) renumber[s] = next++;
    this.firstDenseOutput = next;
    for (const s of built.order) if (isDense(s) && hasOutput(s)) renumber[s] = next++;
    this.dense = next;
    const stack = [0];
    while (stack.length > 0) {
      const s = stack.pop() ?? 0;
      if (!isDense(s)) renumber[s] = next++;
      const row = goto[s] ?? [];
      for (let a = ALPHABET - 1; a >= 0; a--) {
        const child = row[a];
        if (child !== undefined) stack.push(child);
      }
    }

    const wide = this.states > (layout.narrowStates ?? NARROW_STATES);
    this.delta = wide ? new Int32Array(this.dense * ALPHABET) : new Uint16Array(this.dense * ALPHABET);
    this.deep = new Int32Array((this.states - this.dense) * 2);
    this.out = new Int32Array(this.states);
    this.dict = new Int32Array(this.states);
    const byNumber = new Int32Array(this.states);
    for (let s = 0; s < this.states; s++) byNumber[renumber[s] ?? 0] = s;
    const kids: number[] = [];
    for (let r = 0; r < this.states; r++) {
      const s = byNumber[r] ?? 0;
      if (r < this.dense) {
        for (let a = 0; a < ALPHABET; a++) this.delta[r * ALPHABET + a] = renumber[built.delta[s * ALPHABET + a] ?? 0] ?? 0;
      } else {
        const children: number[] = [];
        (goto[s] ?? []).forEach((child, a) => children.push(((renumber[child] ?? 0) << 8) | a));
        const k = (r - this.dense) * 2;
        this.deep[k] = (renumber[built.fail[s] ?? 0] ?? 0) | (hasOutput(s) ? DEEP_OUTPUT : 0);
        if (children.length === 1) this.deep[k + 1] = children[0] ?? NO_CHILD;
        else if (children.length === 0) this.deep[k + 1] = NO_CHILD;
        else {
          this.deep[k + 1] = -(2 + kids.length);
          kids.push(children.length, ...children);
        }
      }
      this.out[r] = outList[s] ?? -1;
      const d = built.dict[s] ?? -1;
      this.dict[r] = d === -1 ? -1 : (renumber[d] ?? 0);
    }
    this.kids = Int32Array.from(kids);
    const delta = this.delta;
    this.flat = layout.flat === true && this.dense === this.states && this.states * ALPHABET <= 0xffff ? Uint16Array.from(delta, (v) => v * ALPHABET) : null;
  }

  /** Whether scanFlat can resume a scan (it has the premultiplied table): else it scans from the root each time. */
  get resumable(): boolean {
    return this.flat !== null;
  }

  /**
   * scan, through the premultiplied table when there is one (see AutomatonLayout.flat). With the table, the scan starts
   * from `state` (what an earlier scanFlat of the codes before `start` returned) and returns the state it ends in, so a
   * text can be scanned in pieces, each only when asked for.
   */
  scanFlat(codes: ArrayLike<number>, start: number, end: number, into: AutomatonMatches, state = 0): number {
    const flat = this.flat;
    if (flat === null) {
      this.scan(codes, start, end, into);
      return 0;
    }
    const firstOutput = this.firstDenseOutput * ALPHABET;
    let s = state;
    for (let i = start; i < end; i++) {
      const code = codes[i] ?? 0;
      const sym = code < 128 ? (ASCII_SYMBOLS[code] ?? RESET) : RESET;
      if (sym < 0) {
        if (sym === RESET) s = 0;
        continue;
      }
      s = flat[s + sym] ?? 0;
      if (s >= firstOutput) this.report(s / ALPHABET, i, into);
    }
    return s;
  }

  /** Scans codes[start, end) and appends every match to `into` (up to its capacity). */
  scan(codes: ArrayLike<number>, start: number, end: number, into: AutomatonMatches): void {
    const delta = this.delta;
    const dense = this.dense;
    const firstDenseOutput = this.firstDenseOutput;
    const deep = this.deep;
    let s = 0;
    for (let i = start; i < end; i++) {
      const code = codes[i] ?? 0;
      const sym = code < 128 ? (ASCII_SYMBOLS[code] ?? RESET) : RESET;
      if (sym < 0) {
        if (sym === RESET) s = 0;
        continue;
      }
      s = s < dense ? (delta[s * ALPHABET + sym] ?? 0) : this.deepStep(s, sym);
      if (s < dense ? s >= firstDenseOutput : ((deep[(s - dense) * 2] ?? 0) & DEEP_OUTPUT) !== 0) this.report(s, i, into);
    }
  }

  /** The step from a deep state: a trie child if there is one, else the step from its failure link. */
  private deepStep(from: number, sym: number): number {
    const dense = this.dense;
    const deep = this.deep;
    let s = from;
    while (s >= dense) {
      const k = (s - dense) * 2;
      const child = deep[k + 1] ?? NO_CHILD;
      if (child >= 0) {
        if ((child & 0xff) === sym) return child >> 8;
      } else if (child !== NO_CHILD) {
        const at = -child - 2;
        const stop = at + (this.kids[at] ?? 0);
        for (let e = at + 1; e <= stop; e++) {
          const c = this.kids[e] ?? 0;
          if ((c & 0xff) === sym) return c >> 8;
        }
      }
      s = (deep[k] ?? 0) & ~DEEP_OUTPUT;
    }
    return this.delta[s * ALPHABET + sym] ?? 0;
  }

  /** Appends the outputs of state `s`, reached at code `i`. */
  private report(s: number, i: number, into: AutomatonMatches): void {
    const cap = into.pattern.length;
    let t = (this.out[s] ?? -1) !== -1 ? s : (this.dict[s] ?? -1);
    while (t !== -1 && into.count < cap) {
      into.pattern[into.count] = this.out[t] ?? 0;
      into.end[into.count] = i;
      into.count++;
      t = this.dict[t] ?? -1;
    }
  }

  get bytes(): number {
    return (
      (this.flat?.byteLength ?? 0) +
      this.delta.byteLength + this.deep.byteLength + this.kids.byteLength + this.out.byteLength + this.dict.byteLength
    );
  }
}

/** Breadth-first: fill missing transitions from the failure state, and chain outputs (in the trie's numbering). */
function build(goto: readonly (readonly number[])[], out: Int32Array): { delta: Int32Array; dict: Int32Array; fail: Int32Array; depth: Int32Array; order: number[] } {
  const states = goto.length;
  const delta = new Int32Array(states * ALPHABET);
  const dict = new Int32Array(states).fill(-1);
  const fail = new Int32Array(states);
  const depth = new Int32Array(states);
  const queue: number[] = [0];
  const root = goto[0] ?? [];
  for (let a = 0; a < ALPHABET; a++) {
    const next = root[a];
    if (next !== undefined) {
      delta[a] = next;
      fail[next] = 0;
      depth[next] = 1;
      queue.push(next);
    }
  }
  for (let qi = 1; qi < queue.length; qi++) {
    const s = queue[qi] ?? 0;
    const f = fail[s] ?? 0;
    dict[s] = (out[f] ?? -1) !== -1 ? f : (dict[f] ?? -1);
    const row = goto[s] ?? [];
    for (let a = 0; a < ALPHABET; a++) {
      const next = row[a];
      const viaFail = delta[f * ALPHABET + a] ?? 0;
      if (next === undefined) {
        delta[s * ALPHABET + a] = viaFail;
      } else {
        delta[s * ALPHABET + a] = next;
        fail[next] = viaFail;
        depth[next] = (depth[s] ?? 0) + 1;
        queue.push(next);
      }
    }
  }
  return { delta, dict, fail, depth, order: queue };
}
