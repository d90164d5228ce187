/**
 * RFC 6962 consistency proofs, checked as RFC 9162 §2.1.4.2 sets out: that the tree of `second`
 * leaves with root `secondHash` extends the tree of `first` leaves with root `firstHash` — the log
 * only appended since its last tree head, and rewrote nothing a monitor had already read.
 */
import { nodeHash } from './merkle.js';

// Tree sizes pass 2^32 in large logs: arithmetic, not 32-bit bit operators.
const odd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

function powerOfTwo(x: number): boolean {
  while (x > 1 && !odd(x)) x = half(x);
  return x === 1;
}

/** Undefined when the proof holds, else why not. */
export function verifyConsistency(first: number, second: number, proof: readonly Uint8Array[], firstHash: Uint8Array, secondHash: Uint8Array): string | undefined {
  if (first > second) return `first tree size ${first} exceeds the second ${second}`;
  if (first === second) {
    if (proof.length !== 0) return 'a proof between equal sizes must be empty';
    return Buffer.from(firstHash).equals(secondHash) ? undefined : `two different roots for tree size ${first}`;
  }
  if (first === 0) return proof.length === 0 ? undefined : 'a proof from the empty tree must be empty';
  if (proof.length === 0) return 'empty consistency proof';
  const path = powerOfTwo(first) ? [firstHash, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return 'consistency proof longer than the trees allow';
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return 'consistency proof shorter than the trees need';
  if (!fr.equals(firstHash)) return `the proof does not lead to the earlier root at size ${first}`;
  if (!sr.equals(secondHash)) return `the proof does not lead to the new root at size ${second}`;
  return undefined;
}
