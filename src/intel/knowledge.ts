/**
 * Knowledge: everything attribution reads, built in memory from imported batches — the actor
 * identities, the indicator graph, per-actor statistics and the naming model.
 */
import { ActorResolver, type ActorIdentity, normaliseActorName } from './actor-identity.js';
import { AsnIndex } from './asn-index.js';
import type { Background } from './background.js';
import { IndicatorGraph } from './graph.js';
import { prefix24 } from './import/indicator-value.js';
import { NamingModel, registrableLabel } from './naming.js';
import { BACKGROUND, TargetIndex } from './target-index.js';
import type { AsnLookup, ImportBatch, Indicator } from './types.js';

export interface KnowledgeOptions {
  /** Domains (and everything under them) left out, e.g. the 2017 case's domains for a faithful replay. */
  readonly exclude?: Iterable<string>;
  /** Leave the held-out part of each actor's domains out of the naming model (for evaluation). */
  readonly holdOut?: boolean;
  readonly background?: Background;
  /** Temperature of the naming model's scores (see calibration.ts); fitted by evaluateNaming. */
  readonly namingTemperature?: number;
  /** IP → AS, to derive the AS of every address (the ASN evidence); without it no ASN evidence is given. */
  readonly asn?: AsnLookup;
}

/** Deterministic hold-out: FNV-1a of the registrable label (all TLD variants of a name go together), one in five. */
export function domainHash(domain: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < domain.length; i++) h = Math.imul(h ^ domain.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function isHeldOut(label: string): boolean {
  return domainHash(label) % 5 === 0;
}

/** The temperature measured on the full maltrail set by `evaluateNaming` (see README, Attribution). */
export const DEFAULT_NAMING_TEMPERATURE = 0.074;

export class Knowledge {
  readonly graph = new IndicatorGraph();
  readonly resolver: ActorResolver;
  /** Identity id → its graph node, for identities with at least one indicator. */
  readonly actorNode = new Map<number, number>();
  /** Graph node → identity id, the reverse of actorNode. */
  readonly actorOfNode = new Map<number, number>();
  /** Identity id → weighted count of its distinct indicators per kind. */
  readonly actorCounts = new Map<number, Map<string, number>>();
  /** Naming classes: class index → identity id; the last class is the background. */
  readonly namingActors: number[] = [];
  /** Identity id → its naming class, the reverse of namingActors. */
  readonly namingClassOf = new Map<number, number>();
  readonly naming: NamingModel;
  readonly namingTemperature: number;
  readonly background: Background | undefined;
  /** Identity id → its training labels (for the targets evidence). */
  readonly labels = new Map<number, string[]>();
  readonly indicatorCount: number;
  /** Indicators that carry an `observed` time, by kind (what timing evidence would need; see evidence-model.ts). */
  readonly datedIndicators = new Map<string, number>();
  /** With `holdOut`: identity id → the labels kept back from the naming model. */
  readonly heldOut = new Map<number, Set<string>>();
  /** Which actor names and unknown lookalikes carry a brand's word (the targets evidence). */
  readonly targets = new TargetIndex();
  /** The AS of every known address and who is hosted there; undefined without an AsnLookup. */
  readonly asns: AsnIndex | undefined;

  constructor(batches: readonly ImportBatch[], options: KnowledgeOptions = {}) {
    this.background = options.background;
    this.namingTemperature = options.namingTemperature ?? DEFAULT_NAMING_TEMPERATURE;
    this.resolver = new ActorResolver(batches.flatMap((b) => b.actors));
    const excluded = new Set([...(options.exclude ?? [])].map((d) => d.toLowerCase()));
    let count = 0;
    for (const batch of batches) {
      const own = new Map(batch.actors.map((a) => [normaliseActorName(a.name), a.namespace]));
      for (const ind of batch.indicators) {
        if (isExcluded(ind, excluded)) continue;
        count++;
        if (ind.observed !== undefined) this.datedIndicators.set(ind.kind, (this.datedIndicators.get(ind.kind) ?? 0) + 1);
        this.addIndicator(ind, own);
      }
    }
    this.indicatorCount = count;
    this.asns = options.asn === undefined ? undefined : new AsnIndex(this.graph, this.actorOfNode, options.asn);
    this.graph.freeze();
    this.countPerActor();
    this.naming = this.trainNaming(options.holdOut === true);
    for (const [id, labels] of this.labels) this.targets.add(id, labels);
    this.targets.add(BACKGROUND, this.background?.lookalikeLabels ?? []);
  }

  private actorIds(ind: Indicator, own: ReadonlyMap<string, string>): number[] {
    if (ind.actor === undefined) return [];
    const ns = own.get(normaliseActorName(ind.actor));
    const bound = ns === undefined ? undefined : this.resolver.bind(ns, ind.actor);
    return bound === undefined ? this.resolver.resolve(ind.actor) : [bound];
  }

  private addIndicator(ind: Indicator, own: ReadonlyMap<string, string>): void {
    const g = this.graph;
    const node = g.node(ind.kind, ind.value);
    const { source, position } = ind.origin;
    const ids = this.actorIds(ind, own);
    for (const id of ids) {
      let actor = this.actorNode.get(id);
      if (actor === undefined) {
        actor = g.node('actor', this.resolver.identity(id).name);
        this.actorNode.set(id, actor);
        this.actorOfNode.set(actor, id);
      }
      g.link(node, actor, source, position, ind.observed, 1 / ids.length);
    }
    g.link(node, g.node('report', ind.report ?? source), source, position, ind.observed);
    if (ind.kind === 'ip') g.link(node, g.node('prefix', prefix24(ind.value)), 'derived: /24 of the address', '');
  }

  private countPerActor(): void {
    for (const [id, actor] of this.actorNode) {
      const best = new Map<number, number>();
      for (const { other, edge } of this.graph.edges(actor)) best.set(other, Math.max(best.get(other) ?? 0, this.graph.edgeWeight(edge)));
      const counts = new Map<string, number>();
      for (const [node, w] of best) {
        const kind = this.graph.kindOf(node);
        counts.set(kind, (counts.get(kind) ?? 0) + w);
      }
      this.actorCounts.set(id, counts);
    }
  }

  private trainNaming(holdOut: boolean): NamingModel {
    const classOf = new Map<number, number>();
    const pairs: [string, number][] = [];
    for (const [id, actor] of this.actorNode) {
      const seen = new Set<string>();
      for (const { other } of this.graph.edges(actor, 'domain')) {
        const domain = this.graph.valueOf(other);
        if (this.background?.popular.has(domain) === true) continue;
        const label = registrableLabel(domain);
        if (label === null || seen.has(label)) continue;
        if (holdOut && isHeldOut(label)) {
          const kept = this.heldOut.get(id) ?? new Set<string>();
          this.heldOut.set(id, kept.add(label));
          continue;
        }
        seen.add(label);
        let c = classOf.get(id);
        if (c === undefined) {
          c = this.namingActors.length;
          classOf.set(id, c);
          this.namingClassOf.set(id, c);
          this.namingActors.push(id);
        }
        pairs.push([label, c]);
      }
      this.labels.set(id, [...seen]);
    }
    const bg = this.namingActors.length;
    for (const label of this.background?.lookalikeLabels ?? []) pairs.push([label, bg]);
    return NamingModel.train(pairs, bg + 1);
  }

  /** Identities that have indicators: the hypotheses attribution weighs. */
  hypotheses(): number[] {
    return [...this.actorNode.keys()];
  }

  identity(id: number): ActorIdentity {
    return this.resolver.identity(id);
  }
}

function isExcluded(ind: Indicator, excluded: ReadonlySet<string>): boolean {
  if (excluded.size === 0 || (ind.kind !== 'domain' && ind.kind !== 'url')) return false;
  const host = ind.kind === 'domain' ? ind.value : ind.value.replace(/^[a-z]+:\/\//, '').split('/')[0] ?? '';
  for (let d = host; d !== ''; d = d.includes('.') ? d.slice(d.indexOf('.') + 1) : '') if (excluded.has(d)) return true;
  return false;
}
