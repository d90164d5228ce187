/**
 * An Aho–Corasick automaton, compiled to a dense DFA over [a-z0-9], that finds every brand token inside a
 * name's skeleton in one pass, whatever the number of brands. Separators (`-`, `.`, `_`) are skipped, so
 * the token `enrnarche` is found in `en-marche`, `enmarche` and `en.marche` alike; any other code point
 * sends the automaton back to the root.
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

export class Automaton {
  private readonly delta: Int32Array;
  /** Pattern id ending exactly at the state, or -1. */
  private readonly out: Int32Array;
  /** Next state along the suffix links that has an output, or -1. */
  private readonly dict: Int32Array;
  /** Length (in symbols) of each pattern. */
  readonly patternLength: Int32Array;
  readonly states: number;

  /** Patterns must be non-empty strings of [a-z0-9]; equal patterns are merged into the first id, and `alias` says which. */
  readonly alias: Int32Array;

  constructor(patterns: readonly string[]) {
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
    this.delta = new Int32Array(this.states * ALPHABET);
    this.out = Int32Array.from(outList);
    this.dict = new Int32Array(this.states).fill(-1);
    this.build(goto);
  }

  /** Breadth-first: fill missing transitions from the failure state, and chain outputs. */
  private build(goto: readonly (readonly number[])[]): void {
    const fail = new Int32Array(this.states);
    const queue: number[] = [];
    const root = goto[0] ?? [];
    for (let a = 0; a < ALPHABET; a++) {
      const next = root[a];
      if (next !== undefined) {
        this.delta[a] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] ?? 0;
      const f = fail[s] ?? 0;
      this.dict[s] = (this.out[f] ?? -1) !== -1 ? f : (this.dict[f] ?? -1);
      const row = goto[s] ?? [];
      for (let a = 0; a < ALPHABET; a++) {
        const next = row[a];
        const viaFail = this.delta[f * ALPHABET + a] ?? 0;
        if (next === undefined) {
          this.delta[s * ALPHABET + a] = viaFail;
        } else {
          this.delta[s * ALPHABET + a] = next;
          fail[next] = viaFail;
          queue.push(next);
        }
      }
    }
  }

  /** Scans codes[start, end) and appends every match to `into` (up to its capacity). */
  scan(codes: ArrayLike<number>, start: number, end: number, into: AutomatonMatches): void {
    const cap = into.pattern.length;
    let s = 0;
    for (let i = start; i < end; i++) {
      const sym = symbolOf(codes[i] ?? 0);
      if (sym === SKIP) continue;
      if (sym === RESET) {
        s = 0;
        continue;
      }
      s = this.delta[s * ALPHABET + sym] ?? 0;
      let t = (this.out[s] ?? -1) !== -1 ? s : (this.dict[s] ?? -1);
      while (t !== -1 && into.count < cap) {
        into.pattern[into.count] = this.out[t] ?? 0;
        into.end[into.count] = i;
        into.count++;
        t = this.dict[t] ?? -1;
      }
    }
  }

  get bytes(): number {
    return this.delta.byteLength + this.out.byteLength + this.dict.byteLength;
  }
}
