import type { Fact } from '../store/index.js';
import type { GuardPolicy } from './guard.js';

export type { Fact };

/** Turns a host name into its addresses (A and AAAA); an empty list when it has none. */
export type Resolve = (host: string) => Promise<readonly string[]>;

/** What every network adapter needs from its caller. */
export interface NetDeps {
  readonly resolve: Resolve;
  /** PUBLIC_ONLY in production; tests pass `{ allowLoopback: true }` in code. */
  readonly policy: GuardPolicy;
  /** The clock facts are stamped with. */
  readonly now?: () => Date;
}

/** Builds facts about one subject from one source, stamped with one observation time. */
export function factMaker(subject: string, source: string, observed: string) {
  return (fact: string, value: string | number | boolean): Fact => ({ subject, fact, value: String(value), observed, source });
}
