/**
 * The indicator graph, in memory: nodes (domain, ip, prefix, asn, ns, email, registrar, cert, url,
 * hash, actor, report) interned to integers, edges in flat arrays with the source, position, time
 * and weight of each. Built from the store on load; attribution and pivots read it.
 * An edge is kept once per (pair of nodes, source file): a second position in the same file adds
 * nothing, another file adds a second edge, so every source is kept.
 *
 * Layout, for the garbage collector: the full knowledge is ~150k nodes and ~300k edges, and every
 * object kept alive is marked again by each major GC while attributions run. Nodes are interned in
 * one Map per kind (no `kind:value` key strings), `line N` positions are kept as the number N, the
 * few edge times in a Map, and freeze() turns the per-node edge lists into two Uint32Arrays (CSR).
 * Measured with the full maltrail set, the knowledge alone alive (node --expose-gc, gc() twice, the
 * second timed): heap 148 → 99 MiB, a full GC 119 → 55 ms, the graph's part 78 → 29 MiB. bench/attribute.ts
 * prints the GC pauses during attributions and one forced full GC with everything it keeps alive.
 */
import type { NodeKind } from './types.js';

export interface Neighbour {
  readonly kind: NodeKind;
  readonly value: string;
  readonly source: string;
  readonly position: string;
  readonly observed?: string;
  /** Below 1 when an ambiguous actor label was shared between several actors. */
  readonly weight: number;
}

const LINE = /^line ([1-9][0-9]{0,8})$/;

export class IndicatorGraph {
  private readonly ids = new Map<NodeKind, Map<string, number>>();
  private readonly kinds: NodeKind[] = [];
  private readonly values: string[] = [];
  /** Edge lists per node while building; null once frozen into adjStart/adjEdges. */
  private adj: number[][] | null = [];
  private adjStart = new Uint32Array(1);
  private adjEdges = new Uint32Array(0);
  private readonly eFrom: number[] = [];
  private readonly eTo: number[] = [];
  private readonly eSource: number[] = [];
  /** `line N` as N; any other position as its text. */
  private readonly ePosition: (number | string)[] = [];
  private readonly eTime = new Map<number, string>();
  private readonly eWeight: number[] = [];
  private readonly sourceNames: string[] = [];
  private readonly sourceIds = new Map<string, number>();

  get nodeCount(): number {
    return this.kinds.length;
  }

  get edgeCount(): number {
    return this.eFrom.length;
  }

  node(kind: NodeKind, value: string): number {
    let byValue = this.ids.get(kind);
    if (byValue === undefined) {
      byValue = new Map();
      this.ids.set(kind, byValue);
    }
    let id = byValue.get(value);
    if (id === undefined) {
      if (this.adj === null) throw new Error('IndicatorGraph: node() after freeze()');
      id = this.kinds.length;
      byValue.set(value, id);
      this.kinds.push(kind);
      this.values.push(value);
      this.adj.push([]);
    }
    return id;
  }

  find(kind: NodeKind, value: string): number | undefined {
    return this.ids.get(kind)?.get(value);
  }

  kindOf(id: number): NodeKind {
    return this.kinds[id] as NodeKind;
  }

  valueOf(id: number): string {
    return this.values[id] as string;
  }

  /** Links `from` (the node with the shorter edge list, usually the indicator) to `to`. */
  link(from: number, to: number, source: string, position: string, observed?: string, weight = 1): void {
    const adj = this.adj;
    if (adj === null) throw new Error('IndicatorGraph: link() after freeze()');
    let sid = this.sourceIds.get(source);
    if (sid === undefined) {
      sid = this.sourceNames.length;
      this.sourceIds.set(source, sid);
      this.sourceNames.push(source);
    }
    for (const e of adj[from] ?? []) {
      const other = this.eFrom[e] === from ? this.eTo[e] : this.eFrom[e];
      if (other === to && this.eSource[e] === sid) return;
    }
    const e = this.eFrom.length;
    this.eFrom.push(from);
    this.eTo.push(to);
    this.eSource.push(sid);
    const line = LINE.exec(position);
    this.ePosition.push(line?.[1] === undefined ? position : Number(line[1]));
    if (observed !== undefined) this.eTime.set(e, observed);
    this.eWeight.push(weight);
    adj[from]?.push(e);
    if (to !== from) adj[to]?.push(e);
  }

  /** Ends building: the edge lists become two flat arrays; node() of a new value and link() then throw. */
  freeze(): void {
    const adj = this.adj;
    if (adj === null) return;
    const start = new Uint32Array(adj.length + 1);
    for (let i = 0; i < adj.length; i++) start[i + 1] = (start[i] as number) + (adj[i]?.length ?? 0);
    const edges = new Uint32Array(start[adj.length] as number);
    for (let i = 0; i < adj.length; i++) edges.set(adj[i] ?? [], start[i] as number);
    this.adjStart = start;
    this.adjEdges = edges;
    this.adj = null;
  }

  degree(id: number): number {
    if (this.adj !== null) return this.adj[id]?.length ?? 0;
    return id + 1 < this.adjStart.length ? (this.adjStart[id + 1] as number) - (this.adjStart[id] as number) : 0;
  }

  /** The edges of a node, optionally only those to nodes of one kind. */
  *edges(id: number, kind?: NodeKind): Generator<{ other: number; edge: number }> {
    const n = this.degree(id);
    const base = this.adj === null ? (this.adjStart[id] as number) : 0;
    const list = this.adj?.[id];
    for (let i = 0; i < n; i++) {
      const e = (list === undefined ? this.adjEdges[base + i] : list[i]) as number;
      const other = (this.eFrom[e] === id ? this.eTo[e] : this.eFrom[e]) as number;
      if (kind === undefined || this.kinds[other] === kind) yield { other, edge: e };
    }
  }

  edgeWeight(e: number): number {
    return this.eWeight[e] as number;
  }

  edgeSource(e: number): string {
    return this.sourceNames[this.eSource[e] as number] as string;
  }

  edgePosition(e: number): string {
    const p = this.ePosition[e];
    return typeof p === 'number' ? `line ${p}` : (p ?? '');
  }

  neighbours(id: number, kind?: NodeKind): Neighbour[] {
    const out: Neighbour[] = [];
    for (const { other, edge } of this.edges(id, kind)) {
      const observed = this.eTime.get(edge);
      out.push({
        kind: this.kinds[other] as NodeKind,
        value: this.values[other] as string,
        source: this.edgeSource(edge),
        position: this.edgePosition(edge),
        weight: this.eWeight[edge] as number,
        ...(observed === undefined ? {} : { observed }),
      });
    }
    return out;
  }

  /** Every node of a kind (for building per-actor statistics). */
  *nodesOfKind(kind: NodeKind): Generator<number> {
    for (let i = 0; i < this.kinds.length; i++) if (this.kinds[i] === kind) yield i;
  }
}
