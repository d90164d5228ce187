import { enrichDomain, type EnrichDeps, type Enrichment } from './enrich-domain.js';

/** Domains enriched at once by default: each waits mostly on remote servers. */
export const DEFAULT_ENRICH_CONCURRENCY = 8;

/**
 * Enriches many domains, at most `concurrency` at a time, yielding each result as it completes
 * (not in input order). For `watch`'s background and scheduled re-enrichment.
 */
export async function* enrichMany(domains: Iterable<string>, deps: EnrichDeps, concurrency = DEFAULT_ENRICH_CONCURRENCY): AsyncGenerator<Enrichment> {
  const it = domains[Symbol.iterator]();
  const running = new Map<number, Promise<{ id: number; result: Enrichment }>>();
  let next = 0;
  const start = (): boolean => {
    const n = it.next();
    if (n.done === true) return false;
    const id = next++;
    running.set(id, enrichDomain(n.value, deps).then((result) => ({ id, result })));
    return true;
  };
  while (running.size < concurrency && start());
  while (running.size > 0) {
    const { id, result } = await Promise.race(running.values());
    running.delete(id);
    start();
    yield result;
  }
}
