/**
 * SSRF guard: says whether enrichment may connect to an address. Attackers choose every DNS
 * answer and every redirect, so each address is checked right before a connection to it, and the
 * connection is then made to that very address (never to a name resolved again).
 *
 * Only public unicast passes. IPv4 is judged against the IANA special-purpose registry; IPv6 must
 * lie in global unicast 2000::/3 and outside its special blocks; forms that embed an IPv4 address
 * (mapped, NAT64, 6to4) are judged by the embedded address too, so `::ffff:10.0.0.1` is private.
 */

/** Why an address is not public. */
export type AddressClass =
  | 'public'
  | 'invalid'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'translation';

/** What a caller lets through. `allowLoopback` exists for tests that start servers on 127.0.0.1. */
export interface GuardPolicy {
  /**
   * TEST ONLY: also accept 127.0.0.0/8 and ::1 (and their IPv4-mapped forms). Set it in code,
   * in a test; no environment variable or CLI flag turns it on.
   */
  readonly allowLoopback?: boolean;
}

export const PUBLIC_ONLY: GuardPolicy = Object.freeze({});

/** A refused address, with a sentence saying why. */
export interface Refusal {
  readonly ok: false;
  readonly address: string;
  readonly class: AddressClass;
  readonly reason: string;
}

export type GuardVerdict = { readonly ok: true; readonly address: string } | Refusal;

interface Block {
  readonly bytes: readonly number[];
  readonly bits: number;
  readonly class: AddressClass;
}

function v4(a: number, b: number, c: number, d: number, bits: number, cls: AddressClass): Block {
  return { bytes: [a, b, c, d], bits, class: cls };
}

/** IANA IPv4 special-purpose registry, plus multicast and the old class E. Most specific first. */
const V4_BLOCKS: readonly Block[] = [
  v4(255, 255, 255, 255, 32, 'broadcast'),
  v4(0, 0, 0, 0, 8, 'unspecified'),
  v4(10, 0, 0, 0, 8, 'private'),
  v4(100, 64, 0, 0, 10, 'shared'),
  v4(127, 0, 0, 0, 8, 'loopback'),
  v4(169, 254, 0, 0, 16, 'link-local'),
  v4(172, 16, 0, 0, 12, 'private'),
  v4(192, 0, 0, 0, 24, 'reserved'),
  v4(192, 0, 2, 0, 24, 'documentation'),
  v4(192, 88, 99, 0, 24, 'reserved'),
  v4(192, 168, 0, 0, 16, 'private'),
  v4(198, 18, 0, 0, 15, 'benchmarking'),
  v4(198, 51, 100, 0, 24, 'documentation'),
  v4(203, 0, 113, 0, 24, 'documentation'),
  v4(224, 0, 0, 0, 4, 'multicast'),
  v4(240, 0, 0, 0, 4, 'reserved'),
];

function v6(prefix: string, bits: number, cls: AddressClass): Block {
  const bytes = parseIPv6(prefix);
  if (bytes === null) throw new Error(`bad IPv6 block ${prefix}`);
  return { bytes: [...bytes], bits, class: cls };
}

/** IPv6 special blocks inside or outside 2000::/3; anything outside 2000::/3 not listed is reserved. */
const V6_BLOCKS: readonly Block[] = [
  v6('::', 128, 'unspecified'),
  v6('::1', 128, 'loopback'),
  v6('100::', 64, 'reserved'), // discard-only
  v6('fc00::', 7, 'private'), // unique local
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'private'), // deprecated site-local
  v6('ff00::', 8, 'multicast'),
  v6('2001::', 32, 'translation'), // Teredo: the client address is obfuscated, so it cannot be judged
  v6('2001:2::', 48, 'benchmarking'),
  v6('2001:10::', 28, 'reserved'), // ORCHID
  v6('2001:20::', 28, 'reserved'), // ORCHIDv2
  v6('2001:db8::', 32, 'documentation'),
  v6('3fff::', 20, 'documentation'),
  v6('64:ff9b:1::', 48, 'private'), // local-use NAT64 (RFC 8215)
];

function inBlock(addr: Uint8Array, block: Block): boolean {
  let bits = block.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const want = block.bytes[i] ?? 0;
    const have = addr[i] ?? 0;
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((have & mask) !== (want & mask)) return false;
  }
  return true;
}

/** Strict dotted-quad decimal (no octal, hex or short forms: those are a classic bypass). */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? '';
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/** RFC 4291 text forms, including `::` and a trailing dotted quad; zone ids are refused. */
export function parseIPv6(text: string): Uint8Array | null {
  if (text.includes('%') || text.length > 45) return null;
  let head = text;
  let tail4: Uint8Array | null = null;
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) !== -1) {
    tail4 = parseIPv4(text.slice(lastColon + 1));
    if (tail4 === null) return null;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): string[] | null => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0] ?? '');
  const right = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (left === null || right === null) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...left, ...Array<string>(missing).fill('0'), ...right];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = all[i] ?? '';
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  }
  if (tail4 !== null) out.set(tail4, 12);
  return out;
}

function classifyV4(b: Uint8Array): AddressClass {
  for (const block of V4_BLOCKS) if (inBlock(b, block)) return block.class;
  return 'public';
}

function prefixIs(b: Uint8Array, words: readonly number[]): boolean {
  return words.every((w, i) => b[i] === w);
}

function classifyV6(b: Uint8Array): AddressClass {
  // IPv4-mapped ::ffff:a.b.c.d reaches the IPv4 address itself.
  if (prefixIs(b, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return classifyV4(b.subarray(12));
  // NAT64 well-known prefix 64:ff9b::/96: the gateway connects to the embedded IPv4 address.
  if (prefixIs(b, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) {
    return classifyV4(b.subarray(12));
  }
  // 6to4 2002::/16 tunnels to the IPv4 address in bytes 2..5.
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.subarray(2, 6));
  for (const block of V6_BLOCKS) if (inBlock(b, block)) return block.class;
  // Deprecated IPv4-compatible ::a.b.c.d and everything else in ::/8.
  if ((b[0] ?? 0) >> 5 !== 0b001) return 'reserved';
  return 'public';
}

/** Classifies one textual address; brackets around IPv6 (as in URLs) are accepted. */
export function classifyAddress(address: string): AddressClass {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (text.includes(':')) {
    const b = parseIPv6(text);
    return b === null ? 'invalid' : classifyV6(b);
  }
  const b = parseIPv4(text);
  return b === null ? 'invalid' : classifyV4(b);
}

/** May enrichment connect to `address` under `policy`? The verdict names the class when not. */
export function checkAddress(address: string, policy: GuardPolicy = PUBLIC_ONLY): GuardVerdict {
  const cls = classifyAddress(address);
  if (cls === 'public' || (cls === 'loopback' && policy.allowLoopback === true)) return { ok: true, address };
  return { ok: false, address, class: cls, reason: `refused to connect to ${address}: ${cls} address` };
}

/**
 * The first refused address of a DNS answer, if any. One bad address refuses the whole answer:
 * a name that mixes public and private addresses is an attack on whoever picks one at random.
 */
export function firstRefusal(addresses: readonly string[], policy: GuardPolicy = PUBLIC_ONLY): Refusal | undefined {
  for (const a of addresses) {
    const v = checkAddress(a, policy);
    if (!v.ok) return v;
  }
  return undefined;
}
