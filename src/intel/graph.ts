/**
 * The indicator graph, in memory: nodes (domain, ip, prefix, asn, ns, email, registrar, cert, url,
 * hash, actor, report) interned to integers, edges in flat arrays with the source, position, time
 * and weight of each. Built from the store on load; attribution and pivots read it.
 * An edge is kept once per (pair of nodes, source file): a second position in the same file adds
 * nothing, another file adds a second edge, so every source is kept.
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

export class IndicatorGraph {
  private readonly ids = new Map<string, number>();
  private readonly kinds: NodeKind[] = [];
  private readonly values: string[] = [];
  private readonly adj: number[][] = [];
  private readonly eFrom: number[] = [];
  private readonly eTo: number[] = [];
  private readonly eSource: number[] = [];
  private readonly ePosition: string[] = [];
  private readonly eTime: (string | undefined)[] = [];
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
    const key = `${kind}:${value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.kinds.length;
      this.ids.set(key, id);
      this.kinds.push(kind);
      this.values.push(value);
      this.adj.push([]);
    }
    return id;
  }

  find(kind: NodeKind, value: string): number | undefined {
    return this.ids.get(`${kind}:${value}`);
  }

  kindOf(id: number): NodeKind {
    return this.kinds[id] as NodeKind;
  }

  valueOf(id: number): string {
    return this.values[id] as string;
  }

  /** Links `from` (the node with the shorter edge list, usually the indicator) to `to`. */
  link(from: number, to: number, source: string, position: string, observed?: string, weight = 1): void {
    let sid = this.sourceIds.get(source);
    if (sid === undefined) {
      sid = this.sourceNames.length;
      this.sourceIds.set(source, sid);
      this.sourceNames.push(source);
    }
    for (const e of this.adj[from] ?? []) {
      const other = this.eFrom[e] === from ? this.eTo[e] : this.eFrom[e];
      if (other === to && this.eSource[e] === sid) return;
    }
    const e = this.eFrom.length;
    this.eFrom.push(from);
    this.eTo.push(to);
    this.eSource.push(sid);
    this.ePosition.push(position);
    this.eTime.push(observed);
    this.eWeight.push(weight);
    this.adj[from]?.push(e);
    if (to !== from) this.adj[to]?.push(e);
  }

  degree(id: number): number {
    return this.adj[id]?.length ?? 0;
  }

  /** The edges of a node, optionally only those to nodes of one kind. */
  *edges(id: number, kind?: NodeKind): Generator<{ other: number; edge: number }> {
    for (const e of this.adj[id] ?? []) {
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

  neighbours(id: number, kind?: NodeKind): Neighbour[] {
    const out: Neighbour[] = [];
    for (const { other, edge } of this.edges(id, kind)) {
      const observed = this.eTime[edge];
      out.push({
        kind: this.kinds[other] as NodeKind,
        value: this.values[other] as string,
        source: this.edgeSource(edge),
        position: this.ePosition[edge] as string,
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
