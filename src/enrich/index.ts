/** Enrichment: one adapter per fact source, all behind the SSRF guard. */
export { enrichDomain, enrichAddress, asnFacts, type EnrichDeps, type Enrichment } from './enrich-domain.js';
export { createEnrichDeps, type EnrichSetup } from './deps.js';
export { enrichMany, DEFAULT_ENRICH_CONCURRENCY } from './many.js';
export { assessRisk, type RiskAssessment, type RiskAdjustment } from './risk.js';
export { dnsFacts, resolveWith } from './dns-facts.js';
export { checkAddress, classifyAddress, firstRefusal, PUBLIC_ONLY, type AddressClass, type GuardPolicy, type GuardVerdict, type Refusal } from './guard.js';
export { dnsResolver, staticResolver } from './resolve.js';
export type { Fact, Resolve, NetDeps } from './types.js';
export { AsnTable, loadAsnFile, SHIPPED_ASN_CSV, type AsnRecord } from './asn/index.js';
export { BOOTSTRAP_KINDS, bootstrapDirFor, loadBootstrap, refreshBootstrap, refreshedBootstrapDir, IANA_BOOTSTRAP_BASE, SHIPPED_BOOTSTRAP_DIR, registrationOf, type Bootstrap, type BootstrapKind } from './rdap/index.js';
export { probeTls, tlsFacts } from './tls/index.js';
export { visitPage, pageFacts, brandReference, type BrandReference } from './web/index.js';
export { guardedGet } from './http/index.js';
export { Polite, type PoliteOptions } from './policy/index.js';
