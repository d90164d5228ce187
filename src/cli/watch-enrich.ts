/**
 * What `watch` adds for enrichment: the production adapters (public addresses only, polite rate limits),
 * a background enricher fed with each new finding and, while following, every stored finding again once
 * its last enrichment is older than the re-enrichment age. Each enrichment that raises new reasons is
 * printed as a JSON line (`"event": "risk"`): the re-alert of a parked domain that came alive.
 */
import { createEnrichDeps, enrichDomain } from '../enrich/index.js';
import { BackgroundEnricher, type EnrichmentUpdate } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import type { CliIO } from './io.js';

export interface WatchEnrichOptions {
  readonly resolvers: readonly string[];
  readonly whois: boolean;
  /** Re-enrich a finding when its last enrichment is older than this. */
  readonly reenrichMs: number;
}

export interface WatchEnrichment {
  readonly add: (domain: string) => void;
  /** Starts the periodic re-enrichment (for a watch that keeps following). */
  readonly schedule: () => void;
  /** Stops the schedule and waits for what is running. */
  readonly finish: () => Promise<void>;
}

function updateLine(u: EnrichmentUpdate): string | null {
  // The first enrichment is news only if it found something; later ones only if they found something new.
  const news = u.first ? u.reasons : u.added;
  if (news.length === 0) return null;
  return `${JSON.stringify({ event: 'risk', domain: u.domain, risk: u.risk, first: u.first, added: news, reasons: u.reasons })}\n`;
}

export async function startWatchEnrichment(store: Store, o: WatchEnrichOptions, io: CliIO): Promise<WatchEnrichment> {
  const { deps, warnings } = await createEnrichDeps({ resolvers: o.resolvers, whois: o.whois });
  for (const w of warnings) io.stderr.write(`watch: enrich: ${w}\n`);
  const enricher = new BackgroundEnricher(
    store,
    (domain) => enrichDomain(domain, deps),
    (u) => {
      const line = updateLine(u);
      if (line !== null) io.stdout.write(line);
    },
    { onError: (domain, e) => void io.stderr.write(`watch: enrich ${domain}: ${e.message}\n`) },
  );
  let timer: NodeJS.Timeout | undefined;
  const due = (): void => {
    enricher.enqueueDue(o.reenrichMs).catch((e: Error) => io.stderr.write(`watch: re-enrichment: ${e.message}\n`));
  };
  return {
    add: (domain) => void enricher.add(domain),
    schedule: () => {
      due();
      timer = setInterval(due, Math.min(o.reenrichMs, 3600_000));
      timer.unref();
    },
    finish: async () => {
      if (timer !== undefined) clearInterval(timer);
      await enricher.idle();
    },
  };
}
