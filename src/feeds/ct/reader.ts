/** What the two kinds of CT log (RFC 6962 and static-ct-api tiles) offer the feed: a head and ordered entries. */
import type { LeafEntry } from './leaf.js';
import type { NamedEntry } from './names-tile.js';

/** An entry that could not be read; `index` is its leaf index. */
export interface BadEntry {
  readonly index: number;
  readonly message: string;
}

/** Entries [start, end) of a log: each index is in `entries` (with its index), in `named`, or in `bad`. */
export interface RawBatch {
  readonly start: number;
  readonly end: number;
  readonly entries: readonly { readonly index: number; readonly entry: LeafEntry }[];
  /** Entries read from a names tile instead (names and time only). */
  readonly named?: readonly NamedEntry[];
  readonly bad: readonly BadEntry[];
}

/** A verified head: its size and root hash. */
export interface TreeHead {
  readonly size: number;
  readonly root: Uint8Array;
}

export type HeadResult = ({ readonly ok: true } & TreeHead) | { readonly ok: false; readonly message: string };

/** The last item of `read` when the log answers something that cannot be trusted (wrong hashes, a tile of the wrong length…). */
export interface ReadFailure {
  readonly failed: true;
  /** The first index not delivered. */
  readonly at: number;
  readonly message: string;
}

export interface CtLogReader {
  /** A short stable name: the checkpoint key and the provenance source are derived from it. */
  readonly name: string;
  /** The log's current tree head, verified as far as the log allows, and consistent with the last one trusted. */
  head(): Promise<HeadResult>;
  /** Trusts a head verified in an earlier run: the next head must extend it. */
  trust(head: TreeHead): void;
  /** Entries [start, end) in order, in batches; `end` must not exceed the last head's size. Ends early after a ReadFailure. */
  read(start: number, end: number): AsyncIterable<RawBatch | ReadFailure>;
}
