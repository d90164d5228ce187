import { edgeChild, edgeLength, edgeStart, exceptionsRoot, labelText, nodeFlags, rulesRoot } from 'tldts/dist/cjs/src/data/trie.js';

/**
 * The public suffix of a host, as tldts' getPublicSuffix answers it with private suffixes allowed, from the very
 * trie tldts walks (its rules, its walk), without its per-call cost: tldts builds an options object and a result
 * for each call and binary-searches each node's edges; here each step is one probe in a hash table of
 * (node, label) built at start-up, codes are read through the inlined charCodeAt, and nothing is allocated but
 * the suffix. test/engine/names/suffix.test.ts holds it to getPublicSuffix on every rule and the PSL test vectors.
 */

const charCodeAt = String.prototype.charCodeAt;

// A node's flags: the rules that end there (1 ICANN, 2 private); both kinds count here.
const ALLOWED = 3;
const STAR = 42;
const DOT = 46;

const edgeCount = edgeLength.length;
const nodeCount = nodeFlags.length;
const edgeOffset = new Uint32Array(edgeCount);
const edgeParent = new Uint32Array(edgeCount);
const edgeHash = new Int32Array(edgeCount);
const wildcardEdge = new Int32Array(nodeCount).fill(-1);

/** Hash of a label read right to left, as the walk reads it. */
function step(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** Slot of (node, label hash) in the table. */
function slotOf(node: number, hash: number, mask: number): number {
  const x = Math.imul(hash ^ Math.imul(node + 1, 0x9e3779b1), 0x85ebca6b);
  return (x ^ (x >>> 15)) & mask;
}

let offset = 0;
for (let node = 0; node < nodeCount; node++) {
  for (let e = edgeStart[node] ?? 0; e < (edgeStart[node + 1] ?? 0); e++) {
    const len = edgeLength[e] ?? 0;
    edgeOffset[e] = offset;
    edgeParent[e] = node;
    let h = 0;
    for (let i = offset + len - 1; i >= offset; i--) h = step(h, labelText.charCodeAt(i));
    edgeHash[e] = h;
    if (len === 1 && labelText.charCodeAt(offset) === STAR) wildcardEdge[node] = e;
    offset += len;
  }
}

// Open addressing at load <= 1/4: a probe most often ends at its first slot. Slots hold edge + 1 (0: empty).
const tableMask = (1 << Math.ceil(Math.log2(4 * edgeCount + 1))) - 1;
const table = new Int32Array(tableMask + 1);
/**
 * One bit a slot, set when the slot is taken: 8 KiB that stay in the cache, where the table's 256 KiB do not. Most
 * probes are for a label under the suffix (`example` under `com`), which has no edge: one bit answers them instead
 * of a cache miss in the table.
 */
const taken = new Int32Array((tableMask + 1) >>> 5);
for (let e = 0; e < edgeCount; e++) {
  let s = slotOf(edgeParent[e] ?? 0, edgeHash[e] ?? 0, tableMask);
  while ((table[s] ?? 0) !== 0) s = (s + 1) & tableMask;
  table[s] = e + 1;
  taken[s >>> 5] = (taken[s >>> 5] ?? 0) | (1 << (s & 31));
}

/** The edge from `node` labelled host[start, end), whose right-to-left hash is `hash`, or -1. */
function findEdge(node: number, hash: number, host: string, start: number, end: number): number {
  const first = slotOf(node, hash, tableMask);
  if (((taken[first >>> 5] ?? 0) & (1 << (first & 31))) === 0) return -1;
  for (let s = first; ; s = (s + 1) & tableMask) {
    const e = (table[s] ?? 0) - 1;
    if (e < 0) return -1;
    if (edgeHash[e] !== hash || edgeParent[e] !== node || edgeLength[e] !== end - start) continue;
    const at = (edgeOffset[e] ?? 0) - start;
    let i = start;
    while (i < end && labelText.charCodeAt(at + i) === charCodeAt.call(host, i)) i++;
    if (i === end) return e;
  }
}

// The deepest rule the last walk met (tldts keeps its match the same way: one walk at a time, read at once).
let matchNode = -1;
let matchStart = 0;
let matchEnd = 0;

/** One label's step down from `node`: the child, or -1. An empty label never takes a `*` edge. */
function descend(node: number, hash: number, host: string, start: number, end: number): number {
  let edge = findEdge(node, hash, host, start, end);
  if (edge === -1 && end !== start) edge = wildcardEdge[node] ?? -1;
  return edge === -1 ? -1 : (edgeChild[edge] ?? 0);
}

/** Walks host's labels right to left from `root`, keeping the deepest node where a rule ends; whether one did. */
function walk(host: string, root: number): boolean {
  let node = root;
  let end = host.length;
  let hash = 0;
  matchNode = -1;
  for (let i = host.length - 1; i >= -1; i--) {
    const code = i < 0 ? DOT : charCodeAt.call(host, i);
    if (code !== DOT) {
      hash = step(hash, code);
      continue;
    }
    node = descend(node, hash, host, i + 1, end);
    if (node === -1) break;
    if (((nodeFlags[node] ?? 0) & ALLOWED) !== 0) {
      matchNode = node;
      matchStart = i + 1;
      matchEnd = end;
    }
    end = i;
    hash = 0;
  }
  return matchNode !== -1;
}

/** getPublicSuffix(host, { allowPrivateDomains: true }) for a lower-case host with no trailing dot. */
export function publicSuffix(host: string): string {
  // Exceptions come first and give up their left-most label (`!www.ck`: the suffix of www.ck is ck).
  if (walk(host, exceptionsRoot)) return host.slice(matchEnd + 1);
  if (walk(host, rulesRoot)) return host.slice(matchStart);
  // No rule: the prevailing `*` makes the last label the suffix.
  const lastDot = host.lastIndexOf('.');
  return lastDot === -1 ? host : host.slice(lastDot + 1);
}
