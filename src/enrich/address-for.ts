import { isIP } from 'node:net';
import { firstRefusal } from './guard.js';
import type { NetDeps } from './types.js';

export type AddressChoice =
  | { readonly ok: true; readonly address: string }
  | { readonly ok: false; readonly kind: 'refused' | 'no-address'; readonly address?: string; readonly message: string };

/**
 * The one place a host becomes the address every adapter connects to: resolved once, every
 * answer checked by the guard (one bad address refuses the host), the first one used. Callers
 * connect to `address` itself, never to the name, so no second resolution can differ.
 */
export async function addressFor(host: string, deps: NetDeps): Promise<AddressChoice> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let addresses: readonly string[];
  try {
    addresses = isIP(bare) !== 0 ? [bare] : await deps.resolve(bare);
  } catch (err) {
    return { ok: false, kind: 'no-address', message: `resolving ${bare} failed: ${(err as Error).message}` };
  }
  const refusal = firstRefusal(addresses, deps.policy);
  if (refusal !== undefined) return { ok: false, kind: 'refused', address: refusal.address, message: refusal.reason };
  const address = addresses[0];
  if (address === undefined) return { ok: false, kind: 'no-address', message: `${bare} has no address` };
  return { ok: true, address };
}
