import { readFile } from 'node:fs/promises';
import { parseIPv4, parseIPv6 } from '../guard.js';

/**
 * IANA RDAP bootstrap (RFC 9224): which server answers for a TLD, an address block or an ASN
 * range. The shipped copies live in data/rdap/; `refreshBootstrap` (registry.ts) fetches new ones.
 */
/** The four files IANA publishes: TLDs, IPv4 and IPv6 blocks, AS number ranges. */
export const BOOTSTRAP_KINDS = ['dns', 'ipv4', 'ipv6', 'asn'] as const;
export type BootstrapKind = (typeof BOOTSTRAP_KINDS)[number];

export interface Bootstrap {
  readonly kind: BootstrapKind;
  readonly publication: string;
  /** [entries, server URLs] pairs as published. */
  readonly services: ReadonlyArray<readonly [readonly string[], readonly string[]]>;
}

export type BootstrapResult = { readonly ok: true; readonly bootstrap: Bootstrap } | { readonly ok: false; readonly message: string };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Checks a bootstrap document; `origin` names it in messages. */
export function parseBootstrap(kind: BootstrapKind, json: unknown, origin: string): BootstrapResult {
  if (typeof json !== 'object' || json === null) return { ok: false, message: `${origin}: not a JSON object` };
  const { services, publication } = json as { services?: unknown; publication?: unknown };
  if (!Array.isArray(services)) return { ok: false, message: `${origin}: no "services" array` };
  const out: Array<readonly [string[], string[]]> = [];
  for (const [i, s] of services.entries()) {
    // object-tags has three members; the others two. The URLs come last.
    if (!Array.isArray(s) || s.length < 2 || !isStrings(s[0]) || !isStrings(s[s.length - 1])) {
      return { ok: false, message: `${origin}: services[${i}] is not [[entries], [urls]]` };
    }
    out.push([s[0].map((e) => e.toLowerCase()), s[s.length - 1] as string[]]);
  }
  return { ok: true, bootstrap: { kind, publication: typeof publication === 'string' ? publication : '', services: out } };
}

/** Prefers https and strips the trailing slash, so callers append `/domain/x`. */
function pickUrl(urls: readonly string[]): string | undefined {
  const url = urls.find((u) => u.startsWith('https://')) ?? urls[0];
  return url?.replace(/\/+$/, '');
}

/** The server for a domain name: the longest matching label suffix (`co.uk` before `uk`). */
export function serverForDomain(b: Bootstrap, domain: string): string | undefined {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    for (const [entries, urls] of b.services) if (entries.includes(suffix)) return pickUrl(urls);
  }
  return undefined;
}

function bitsMatch(addr: Uint8Array, net: Uint8Array, bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((addr[i] ?? 0) & mask) !== ((net[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** The server for an address: the most specific CIDR entry holding it. */
export function serverForIp(b: Bootstrap, ip: string): string | undefined {
  const v6 = ip.includes(':');
  const addr = v6 ? parseIPv6(ip) : parseIPv4(ip);
  if (addr === null) return undefined;
  let best: string | undefined;
  let bestBits = -1;
  for (const [entries, urls] of b.services) {
    for (const cidr of entries) {
      const [net = '', len = ''] = cidr.split('/');
      const netBytes = v6 ? parseIPv6(net) : parseIPv4(net);
      const bits = Number(len);
      if (netBytes === null || !Number.isInteger(bits) || bits <= bestBits) continue;
      if (bitsMatch(addr, netBytes, bits)) {
        best = pickUrl(urls);
        bestBits = bits;
      }
    }
  }
  return best;
}

/** The server for an AS number (entries are `N` or `N-M`). */
export function serverForAsn(b: Bootstrap, asn: number): string | undefined {
  for (const [entries, urls] of b.services) {
    for (const range of entries) {
      const [lo = '', hi = lo] = range.split('-');
      if (asn >= Number(lo) && asn <= Number(hi)) return pickUrl(urls);
    }
  }
  return undefined;
}

/** The shipped copies, read from data/rdap/ (or another folder holding `<kind>.json`). */
export const SHIPPED_BOOTSTRAP_DIR = new URL('../../../data/rdap/', import.meta.url);

export async function loadBootstrap(kind: BootstrapKind, dir: URL | string = SHIPPED_BOOTSTRAP_DIR): Promise<BootstrapResult> {
  const path = typeof dir === 'string' ? `${dir.replace(/\/?$/, '/')}${kind}.json` : new URL(`${kind}.json`, dir);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    return { ok: false, message: `${String(path)}: ${(err as Error).message}` };
  }
  return parseBootstrap(kind, json, String(path));
}
