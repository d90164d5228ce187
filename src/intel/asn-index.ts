/**
 * The origin AS of every known address, derived once when the knowledge is built: each IP node is
 * linked to its AS node (`AS9009`), and per AS the index keeps how many known addresses it holds and
 * how much of each actor's address knowledge sits there. The ASN evidence then costs one table lookup
 * and one map lookup per address fact, however many addresses a big hosting AS holds.
 */
import type { IndicatorGraph } from './graph.js';
import type { AsnLookup } from './types.js';

export const ASN_SOURCE = 'derived: origin AS of the address (ip2asn)';

/** One actor's addresses in one AS. */
export interface AsnActorShare {
  /** Sum over its addresses there of the largest edge share (1/m for labels standing for m actors). */
  share: number;
  addresses: number;
  /** One of those addresses and its edge to the actor, to cite a source. */
  readonly ip: number;
  readonly edge: number;
}

export interface AsnStats {
  readonly asn: number;
  readonly org: string;
  /** Known addresses in this AS, whoever they belong to. */
  addresses: number;
  /** Identity id → its addresses here. */
  readonly actors: Map<number, AsnActorShare>;
}

export function asnLabel(asn: number): string {
  return `AS${asn}`;
}

/** `9009`, `AS9009` or `as9009` → 9009; null for anything else. */
export function parseAsn(value: string): number | null {
  const m = /^(?:as)?([0-9]{1,10})$/i.exec(value.trim());
  const n = m?.[1] === undefined ? Number.NaN : Number(m[1]);
  return Number.isInteger(n) && n > 0 && n <= 0xffffffff ? n : null;
}

export class AsnIndex {
  private readonly byAsn = new Map<number, AsnStats>();
  /** Known addresses whose AS the lookup knows: the sample an AS's background rate is read from. */
  readonly addresses: number;

  constructor(
    graph: IndicatorGraph,
    actorOfNode: ReadonlyMap<number, number>,
    readonly lookup: AsnLookup,
  ) {
    let addresses = 0;
    for (const ip of [...graph.nodesOfKind('ip')]) {
      const r = lookup.lookup(graph.valueOf(ip));
      if (r === undefined) continue;
      addresses++;
      let stats = this.byAsn.get(r.asn);
      if (stats === undefined) {
        stats = { asn: r.asn, org: r.org, addresses: 0, actors: new Map() };
        this.byAsn.set(r.asn, stats);
      }
      stats.addresses++;
      graph.link(ip, graph.node('asn', asnLabel(r.asn)), ASN_SOURCE, '');
      const best = new Map<number, { share: number; edge: number }>();
      for (const { other, edge } of graph.edges(ip, 'actor')) {
        const id = actorOfNode.get(other);
        const w = graph.edgeWeight(edge);
        if (id !== undefined && (best.get(id)?.share ?? 0) < w) best.set(id, { share: w, edge });
      }
      for (const [id, { share, edge }] of best) {
        const a = stats.actors.get(id);
        if (a === undefined) stats.actors.set(id, { share, addresses: 1, ip, edge });
        else {
          a.share += share;
          a.addresses++;
        }
      }
    }
    this.addresses = addresses;
  }

  stats(asn: number): AsnStats | undefined {
    return this.byAsn.get(asn);
  }

  /** The AS announcing a dotted-quad address, or undefined. */
  asnOf(ip: string): number | undefined {
    return this.lookup.lookup(ip)?.asn;
  }
}
