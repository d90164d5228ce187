import { edgeChild, edgeLength, edgeStart, exceptionsRoot, labelText, nodeFlags, rulesRoot } from 'tldts/dist/cjs/src/data/trie.js';

/**
 * The public suffix of a host, as tldts' getPublicSuffix answers it with private suffixes allowed, from the very
 * trie tldts walks (its rules, its walk), without its per-call cost: tldts builds an options object and a result
 * for each call and binary-searches each node's edges; here each step is one probe in a hash table of
 * (node, label) built at start-up, and nothing is allocated. The walk reads the host's labels from a HostLabels,
 * which the parser fills in the one pass it makes over the host anyway (each label's end and hash), so the walk
 * reads no code but those of the rule it checks. test/engine/names/suffix.test.ts holds it to getPublicSuffix on
 * every rule and the PSL test vectors.
 */

const charCodeAt = String.prototype.charCodeAt;

// A node's flags: the rules that end there (1 ICANN, 2 private); both kinds count here.
const ALLOWED = 3;
const STAR = 42;
const DOT = 46;

/** Hash of a label read left to right, one code at a time: the parser takes it as it reads the host. */
export function labelStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/**
 * A host cut at every dot: label k is [k === 0 ? 0 : end[k - 1] + 1, end[k]), hashed by labelStep from 0. Filled by
 * the parser's own pass, or by load().
 */
export class HostLabels {
  count = 0;
  end = new Int32Array(128);
  hash = new Int32Array(128);

  /** Cuts `host` (any string: empty labels too) and hashes its labels. */
  load(host: string): void {
    this.reserve(host.length + 1);
    let count = 0;
    let h = 0;
    for (let i = 0; i < host.length; i++) {
      const c = charCodeAt.call(host, i);
      if (c === DOT) {
        this.end[count] = i;
        this.hash[count++] = h;
        h = 0;
      } else h = labelStep(h, c);
    }
    this.end[count] = host.length;
    this.hash[count++] = h;
    this.count = count;
  }

  /** Room for `labels` labels. */
  reserve(labels: number): void {
    if (labels <= this.end.length) return;
    this.end = new Int32Array(2 * labels);
    this.hash = new Int32Array(2 * labels);
  }

  /** Where label k starts. */
  start(k: number): number {
    return k === 0 ? 0 : (this.end[k - 1] ?? 0) + 1;
  }
}

const edgeCount = edgeLength.length;
const nodeCount = nodeFlags.length;
const edgeOffset = new Uint32Array(edgeCount);
const edgeParent = new Uint32Array(edgeCount);
const edgeHash = new Int32Array(edgeCount);
const wildcardEdge = new Int32Array(nodeCount).fill(-1);

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
    for (let i = offset; i < offset + len; i++) h = labelStep(h, labelText.charCodeAt(i));
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

/** The edge from `node` labelled host[start, end), whose hash is `hash`, or -1. */
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

/** One label's step down from `node`: the child, or -1. An empty label never takes a `*` edge. */
function descend(node: number, hash: number, host: string, start: number, end: number): number {
  let edge = findEdge(node, hash, host, start, end);
  if (edge === -1 && end !== start) edge = wildcardEdge[node] ?? -1;
  return edge === -1 ? -1 : (edgeChild[edge] ?? 0);
}

/** Walks the labels right to left from `root`: the left-most label of the deepest node where a rule ends, or -1. */
function walk(host: string, labels: HostLabels, root: number): number {
  let node = root;
  let match = -1;
  for (let k = labels.count - 1; k >= 0; k--) {
    node = descend(node, labels.hash[k] ?? 0, host, labels.start(k), labels.end[k] ?? 0);
    if (node === -1) break;
    if (((nodeFlags[node] ?? 0) & ALLOWED) !== 0) match = k;
  }
  return match;
}

/**
 * The first label of host's public suffix (labels.count when it is empty), `labels` holding the host's labels. The
 * suffix is getPublicSuffix(host, { allowPrivateDomains: true }) for a lower-case host with no trailing dot.
 */
export function suffixLabel(host: string, labels: HostLabels): number {
  // Exceptions come first and give up their left-most label (`!www.ck`: the suffix of www.ck is ck).
  const exception = walk(host, labels, exceptionsRoot);
  if (exception !== -1) return exception + 1;
  const rule = walk(host, labels, rulesRoot);
  // No rule: the prevailing `*` makes the last label the suffix.
  return rule !== -1 ? rule : labels.count - 1;
}

const scratch = new HostLabels();

/** getPublicSuffix(host, { allowPrivateDomains: true }) for a lower-case host with no trailing dot. */
export function publicSuffix(host: string): string {
  scratch.load(host);
  const k = suffixLabel(host, scratch);
  return k === 0 ? host : host.slice((scratch.end[k - 1] ?? 0) + 1);
}
