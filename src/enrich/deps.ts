import { loadAsnFile, SHIPPED_ASN_CSV } from './asn/index.js';
import { createDnsClient } from './dns/index.js';
import type { EnrichDeps } from './enrich-domain.js';
import { PUBLIC_ONLY } from './guard.js';
import { Polite } from './policy/index.js';
import { bootstrapDirFor, loadBootstrap, type RdapLookup } from './rdap/index.js';
import type { TlsProbe } from './tls/index.js';
import type { BrandReference, PageVisit } from './web/index.js';

export interface EnrichSetup {
  /** DNS servers (`HOST:PORT`); the system's when empty. */
  readonly resolvers?: readonly string[];
  readonly references?: readonly BrandReference[];
  /** Fall back to WHOIS for TLDs without RDAP (default true). */
  readonly whois?: boolean;
  /** Another copy of the IP→ASN CSV or the bootstrap folder (default: the shipped CSV; the bootstrap `rdap-refresh` fetched, else the shipped one). */
  readonly asnFile?: string | URL;
  readonly bootstrapDir?: string | URL;
}

/**
 * Production deps for a long-running process (`watch`): public addresses only; one rate limit,
 * retry policy and cache per adapter for the life of the process, so registries and hosts are
 * asked politely however many findings arrive. Problems loading data come back as warnings.
 */
export async function createEnrichDeps(setup: EnrichSetup = {}): Promise<{ deps: EnrichDeps; warnings: string[] }> {
  const warnings: string[] = [];
  const asn = await loadAsnFile(setup.asnFile ?? SHIPPED_ASN_CSV).catch((err: Error) => {
    warnings.push(`ip2asn: ${err.message}; no hosting network facts`);
    return undefined;
  });
  if (asn !== undefined && asn.skipped > 0) warnings.push(`ip2asn: ${asn.skipped} unreadable rows skipped`);
  const bootstrap = await loadBootstrap('dns', setup.bootstrapDir ?? bootstrapDirFor('dns'));
  if (!bootstrap.ok) warnings.push(`rdap bootstrap: ${bootstrap.message}; registration not looked up`);
  const deps: EnrichDeps = {
    dns: createDnsClient({ servers: setup.resolvers ?? [] }),
    policy: PUBLIC_ONLY,
    asn: asn?.table,
    rdap: bootstrap.ok
      ? {
          bootstrap: bootstrap.bootstrap,
          // registries publish limits around 1-10 queries/s; registration changes slowly
          polite: new Polite<RdapLookup>({ perSecond: 1, cacheTtlMs: 6 * 3600_000 }),
          whois: setup.whois === false ? undefined : {},
        }
      : undefined,
    tls: { polite: new Polite<TlsProbe>({ perSecond: 2, cacheTtlMs: 3600_000 }) },
    web: { references: setup.references ?? [], polite: new Polite<PageVisit>({ perSecond: 1, cacheTtlMs: 3600_000 }) },
  };
  return { deps, warnings };
}
