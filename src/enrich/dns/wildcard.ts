import { randomBytes } from 'node:crypto';
import type { DnsClient } from './client.js';
import type { DnsError } from './types.js';

export type WildcardResult =
  | { readonly ok: true; readonly wildcard: boolean; readonly probe: string; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly probe: string; readonly error: DnsError; readonly message: string };

/** A label no one would have created: 16 random hex digits behind a fixed prefix. */
export function randomProbeLabel(): string {
  return `sw-${randomBytes(8).toString('hex')}`;
}

/**
 * Whether `domain` answers for any name under it: a random label is asked for A and AAAA, and an
 * address for it means a wildcard (so the addresses of lookalikes under it prove nothing).
 * NXDOMAIN or NODATA for both means none; when neither answers, the outcome is an error.
 */
export async function detectWildcard(client: DnsClient, domain: string, probeLabel = randomProbeLabel()): Promise<WildcardResult> {
  const probe = `${probeLabel}.${domain.replace(/\.$/, '')}`;
  const r = await client.resolveRecords(probe, ['A', 'AAAA']);
  const addresses = [...(r.A.ok ? r.A.records : []), ...(r.AAAA.ok ? r.AAAA.records : [])];
  if (addresses.length > 0) return { ok: true, wildcard: true, probe, addresses };
  if (r.A.ok || r.A.error === 'nxdomain' || r.AAAA.ok || r.AAAA.error === 'nxdomain') {
    return { ok: true, wildcard: false, probe, addresses: [] };
  }
  return { ok: false, probe, error: r.A.error, message: r.A.message };
}
