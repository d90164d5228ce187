/** pivot(node): what the indicator graph connects to a domain, address, e-mail or name server. */
import { asnLabel, parseAsn } from './asn-index.js';
import { type Neighbour } from './graph.js';
import { normaliseDomain, normaliseIpv4, prefix24 } from './import/indicator-value.js';
import type { Knowledge } from './knowledge.js';
import type { NodeKind } from './types.js';

export interface PivotResult {
  readonly kind: NodeKind;
  readonly value: string;
  readonly neighbours: readonly Neighbour[];
}

/** Guesses the kind of a pivot argument: IPv4, e-mail, `ns:` prefix for name servers, `AS9009`, else a domain. */
export function pivotNode(arg: string): { kind: NodeKind; value: string } | null {
  const t = arg.trim().toLowerCase();
  const asn = t.startsWith('as') ? parseAsn(t) : null;
  if (asn !== null) return { kind: 'asn', value: asnLabel(asn) };
  if (t.startsWith('ns:')) {
    const ns = normaliseDomain(t.slice(3));
    return ns === null ? null : { kind: 'ns', value: ns };
  }
  const ip = normaliseIpv4(t);
  if (ip !== null) return { kind: 'ip', value: ip };
  if (t.includes('@')) return { kind: 'email', value: t };
  const d = normaliseDomain(t);
  return d === null ? null : { kind: 'domain', value: d };
}

/** The node's neighbours; for an address, its /24's other addresses too. Absent nodes give an empty list. */
export function pivot(k: Knowledge, arg: string): PivotResult | null {
  const node = pivotNode(arg);
  if (node === null) return null;
  const kinds: NodeKind[] = node.kind === 'domain' ? ['domain', 'ns'] : [node.kind];
  const neighbours: Neighbour[] = [];
  for (const kind of kinds) {
    const id = k.graph.find(kind, node.value);
    if (id !== undefined) neighbours.push(...k.graph.neighbours(id));
  }
  if (node.kind === 'ip') {
    const p = k.graph.find('prefix', prefix24(node.value));
    if (p !== undefined) for (const n of k.graph.neighbours(p)) if (n.value !== node.value) neighbours.push(n);
  }
  return { ...node, neighbours };
}
