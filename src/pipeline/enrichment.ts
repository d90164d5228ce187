/**
 * Background enrichment of findings: new findings are enriched as they appear, and every finding again
 * once its last enrichment is older than a given age, so a parked domain that later gets an MX record or
 * a login page is re-scored, and re-alerted with what changed. Facts go to the store with their source
 * and time (history kept); the risk and its reasons are stored as facts too.
 */
import type { Enrichment } from '../enrich/index.js';
import type { Fact, Store } from '../store/index.js';

export type EnrichFn = (domain: string) => Promise<Enrichment>;

export interface EnrichmentUpdate {
  readonly domain: string;
  /** The risk adjustment after this enrichment, in [-1, 1]. */
  readonly risk: number;
  readonly reasons: readonly string[];
  /** Reasons the previous enrichment did not have: what is worth a new alert. Empty on the first one. */
  readonly added: readonly string[];
  readonly first: boolean;
}

export interface BackgroundEnricherOptions {
  readonly concurrency?: number;
  /** Domains waiting at most; more are left for the schedule to pick up (`enqueueDue`). */
  readonly maxQueue?: number;
  readonly now?: () => Date;
  readonly onError?: (domain: string, error: Error) => void;
}

const SOURCE = 'squatwatch risk';

/** When the domain was last enriched, and the risk reasons found then. */
function lastEnrichment(facts: readonly Fact[]): { at: string | null; reasons: Set<string> } {
  let at: string | null = null;
  for (const f of facts) if (f.fact === 'enriched' && f.source === SOURCE && (at === null || f.observed > at)) at = f.observed;
  const reasons = new Set(facts.filter((f) => f.fact === 'risk_reason' && f.source === SOURCE && f.observed === at).map((f) => f.value));
  return { at, reasons };
}

export class BackgroundEnricher {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private waiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly enrich: EnrichFn,
    private readonly onUpdate: (update: EnrichmentUpdate) => void,
    private readonly options: BackgroundEnricherOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.maxQueue = options.maxQueue ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Queues a domain; false when the queue is full (the schedule will come back to it). */
  add(domain: string): boolean {
    if (this.queued.has(domain)) return true;
    if (this.queue.length >= this.maxQueue) return false;
    this.queue.push(domain);
    this.queued.add(domain);
    this.pump();
    return true;
  }

  get pending(): number {
    return this.queue.length + this.running;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Queues every stored finding never enriched, or last enriched more than `maxAgeMs` ago; returns how many. */
  async enqueueDue(maxAgeMs: number): Promise<number> {
    const cutoff = new Date(this.now().getTime() - maxAgeMs).toISOString();
    let added = 0;
    for (let offset = 0; ; offset += 1000) {
      const page = await this.store.listFindings({ limit: 1000, offset });
      for (const f of page) {
        const { at } = lastEnrichment(await this.store.factsFor(f.domain));
        if ((at === null || at < cutoff) && this.add(f.domain)) added++;
      }
      if (page.length < 1000) return added;
    }
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const domain = this.queue.shift() as string;
      this.running++;
      void this.one(domain).finally(() => {
        this.running--;
        this.queued.delete(domain);
        this.pump();
        if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
      });
    }
  }

  private async one(domain: string): Promise<void> {
    try {
      const before = lastEnrichment(await this.store.factsFor(domain));
      const e = await this.enrich(domain);
      const observed = this.now().toISOString();
      const reasons = e.risk.adjustments.map((a) => a.reason);
      await this.store.addFacts([
        ...e.facts,
        { subject: domain, fact: 'enriched', value: 'ok', observed, source: SOURCE },
        { subject: domain, fact: 'risk', value: e.risk.delta.toFixed(2), observed, source: SOURCE },
        ...reasons.map((value) => ({ subject: domain, fact: 'risk_reason', value, observed, source: SOURCE })),
      ]);
      const first = before.at === null;
      this.onUpdate({ domain, risk: e.risk.delta, reasons, added: first ? [] : reasons.filter((r) => !before.reasons.has(r)), first });
    } catch (err) {
      this.options.onError?.(domain, err as Error);
    }
  }
}
