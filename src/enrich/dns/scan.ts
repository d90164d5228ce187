import { getPublicSuffix } from 'tldts';
import type { Variant } from '../../engine/permute/index.js';
import type { DnsClient } from './client.js';
import type { DnsRecords } from './types.js';
import { detectWildcard } from './wildcard.js';

export const SCAN_TYPES = ['A', 'AAAA', 'NS', 'MX'] as const;
export type ScanRecords = DnsRecords<(typeof SCAN_TYPES)[number]>;

/** A variant that resolves: someone registered it (or its suffix answers for every name). */
export interface ScanHit {
  readonly variant: Variant;
  readonly records: ScanRecords;
  /** Its public suffix answers for a random label too, so the records prove nothing alone. */
  readonly wildcard: boolean;
}

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly registered: number;
  /** Variants for which every query failed (timeout, SERVFAIL…): neither found nor ruled out. */
  readonly unresolved: number;
}

export interface ScanHooks {
  readonly onHit?: (hit: ScanHit) => void;
  readonly onProgress?: (p: ScanProgress) => void;
  /** Variants resolved at once (each asks four types); the client bounds the queries too. */
  readonly concurrency?: number;
  /** Label for the wildcard probes (tests); random by default. */
  readonly probeLabel?: string;
}

function hasRecords(r: ScanRecords): boolean {
  return SCAN_TYPES.some((t) => r[t].ok && r[t].records.length > 0);
}

function allFailed(r: ScanRecords): boolean {
  return SCAN_TYPES.every((t) => !r[t].ok && r[t].error !== 'nxdomain');
}

/** Probes each public suffix once; the answer is shared by every variant under it. */
function wildcardCheck(client: DnsClient, probeLabel: string | undefined): (domain: string) => Promise<boolean> {
  const probes = new Map<string, Promise<boolean>>();
  return (domain) => {
    const suffix = getPublicSuffix(domain) ?? '';
    let p = probes.get(suffix);
    if (p === undefined) {
      p = detectWildcard(client, suffix, probeLabel).then((w) => w.ok && w.wildcard);
      probes.set(suffix, p);
    }
    return p;
  };
}

/**
 * Resolves A, AAAA, NS and MX of every variant and reports those with any record, as they come.
 * Never throws on DNS outcomes: failures are counted as unresolved.
 */
export async function scanVariants(client: DnsClient, variants: readonly Variant[], hooks: ScanHooks = {}): Promise<ScanProgress> {
  const isWildcard = wildcardCheck(client, hooks.probeLabel);
  let next = 0;
  let done = 0;
  let registered = 0;
  let unresolved = 0;
  const progress = (): ScanProgress => ({ done, total: variants.length, registered, unresolved });
  const worker = async (): Promise<void> => {
    for (let i = next++; i < variants.length; i = next++) {
      const variant = variants[i];
      if (variant === undefined) continue;
      const records = await client.resolveRecords(variant.domain, SCAN_TYPES);
      done++;
      if (hasRecords(records)) {
        registered++;
        hooks.onHit?.({ variant, records, wildcard: await isWildcard(variant.domain) });
      } else if (allFailed(records)) {
        unresolved++;
      }
      hooks.onProgress?.(progress());
    }
  };
  const workers = Math.max(1, Math.min(hooks.concurrency ?? 16, variants.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return progress();
}
