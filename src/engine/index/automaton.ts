/**
 * An Aho–Corasick automaton, compiled to a dense DFA over [a-z0-9], that finds every brand token inside a
 * name's skeleton in one pass, whatever the number of brands. Separators (`-`, `.`, `_`) are skipped, so
 * the token `enrnarche` is found in `en-marche`, `enmarche` and `en.marche` alike; any other code point
 * sends the automaton back to the root.
 *
 * Layout, for speed (10,000 brands give ~56k states): states are numbered breadth-first, so the shallow
 * states a scan spends most of its steps in share a few cache lines, and the transition table is a
 * Uint16Array when the states fit (half the bytes of Int32); states with an output are numbered last, so
 * the common step reads one array and tests `state >= firstOutput` instead of looking up outputs.
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

export class Automaton {
  /** delta[state * 36 + symbol]: the next state. */
  private readonly delta: Uint16Array | Int32Array;
  /** States numbered from here on have an output (their own pattern or one along their suffix links). */
  private readonly firstOutput: number;
  /** Pattern id ending exactly at the state, or -1. */
  private readonly out: Int32Array;
  /** Next state along the suffix links that has an output, or -1. */
  private readonly dict: Int32Array;
  /** Length (in symbols) of each pattern. */
  readonly patternLength: Int32Array;
  readonly states: number;

  /** Patterns must be non-empty strings of [a-z0-9]; equal patterns are merged into the first id, and `alias` says which. */
  readonly alias: Int32Array;

  /** `narrowStates` is for tests: the most states for which the table is a Uint16Array. */
  constructor(patterns: readonly string[], narrowStates = NARROW_STATES) {
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
    // Renumber: states without output first, then those with, each group breadth-first.
    const order = built.order;
    const renumber = new Int32Array(this.states);
    let next = 0;
    for (const s of order) if ((outList[s] ?? -1) === -1 && (built.dict[s] ?? -1) === -1) renumber[s] = next++;
    this.firstOutput = next;
    for (const s of order) if ((outList[s] ?? -1) !== -1 || (built.dict[s] ?? -1) !== -1) renumber[s] = next++;
    this.delta = this.states <= narrowStates ? new Uint16Array(this.states * ALPHABET) : new Int32Array(this.states * ALPHABET);
    this.out = new Int32Array(this.states);
    this.dict = new Int32Array(this.states);
    for (let s = 0; s < this.states; s++) {
      const r = renumber[s] ?? 0;
      for (let a = 0; a < ALPHABET; a++) this.delta[r * ALPHABET + a] = renumber[built.delta[s * ALPHABET + a] ?? 0] ?? 0;
      this.out[r] = outList[s] ?? -1;
      const d = built.dict[s] ?? -1;
      this.dict[r] = d === -1 ? -1 : (renumber[d] ?? 0);
    }
  }

  /** Scans codes[start, end) and appends every match to `into` (up to its capacity). */
  scan(codes: ArrayLike<number>, start: number, end: number, into: AutomatonMatches): void {
    const delta = this.delta;
    const firstOutput = this.firstOutput;
    let s = 0;
    for (let i = start; i < end; i++) {
      const sym = symbolOf(codes[i] ?? 0);
      if (sym === SKIP) continue;
      if (sym === RESET) {
        s = 0;
        continue;
      }
      s = delta[s * ALPHABET + sym] ?? 0;
      if (s >= firstOutput) this.report(s, i, into);
    }
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
    return this.delta.byteLength + this.out.byteLength + this.dict.byteLength;
  }
}

/** Breadth-first: fill missing transitions from the failure state, and chain outputs (in the trie's numbering). */
function build(goto: readonly (readonly number[])[], out: Int32Array): { delta: Int32Array; dict: Int32Array; order: number[] } {
  const states = goto.length;
  const delta = new Int32Array(states * ALPHABET);
  const dict = new Int32Array(states).fill(-1);
  const fail = new Int32Array(states);
  const queue: number[] = [0];
  const root = goto[0] ?? [];
  for (let a = 0; a < ALPHABET; a++) {
    const next = root[a];
    if (next !== undefined) {
      delta[a] = next;
      fail[next] = 0;
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
        queue.push(next);
      }
    }
  }
  return { delta, dict, order: queue };
}
