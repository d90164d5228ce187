/** Normalising indicator values once, at the edge, so the graph compares like with like. */
import type { Indicator } from '../types.js';

type Kind = Indicator['kind'];

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HEX = /^[0-9a-f]+$/;

/** The dotted quad without leading zeros, or null. */
export function normaliseIpv4(raw: string): string | null {
  const m = IPV4.exec(raw.trim());
  if (m === null) return null;
  const parts = [m[1], m[2], m[3], m[4]].map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.join('.');
}

/** Lower-case, no trailing dot, no `*.` wildcard, no `[.]` defanging; null if it is not a host name. */
export function normaliseDomain(raw: string): string | null {
  let d = raw.trim().toLowerCase().replaceAll('[.]', '.');
  if (d.startsWith('*.')) d = d.slice(2);
  if (d.endsWith('.')) d = d.slice(0, -1);
  return DOMAIN.test(d) ? d : null;
}

export function normaliseEmail(raw: string): string | null {
  const e = raw.trim().toLowerCase().replaceAll('[.]', '.').replaceAll('[@]', '@');
  return EMAIL.test(e) ? e : null;
}

/** The host part of a URL (with or without a scheme), or null. */
export function urlHost(raw: string): string | null {
  const s = raw.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const end = s.search(/[/?#]/);
  const hostPort = end < 0 ? s : s.slice(0, end);
  const host = hostPort.replace(/:\d+$/, '').replace(/^[^@]*@/, '');
  if (host === '') return null;
  return normaliseIpv4(host) ?? normaliseDomain(host);
}

/** The /24 that holds an IPv4 address, e.g. `194.187.249.0/24`. */
export function prefix24(ip: string): string {
  return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
}

export interface Classified {
  readonly kind: Kind;
  readonly value: string;
}

/**
 * Guesses what a bare token is (a maltrail line, a CSV cell whose type column is missing):
 * an IPv4 address (with or without port), a URL, a domain, an e-mail or a hash.
 */
export function classify(raw: string): Classified | null {
  const t = raw.trim();
  if (t === '') return null;
  const ip = normaliseIpv4(t.replace(/(:\d{1,5})+$/, ''));
  if (ip !== null) return { kind: 'ip', value: ip };
  if (t.includes('/')) return { kind: 'url', value: t.toLowerCase() };
  if (t.includes('@')) {
    const e = normaliseEmail(t);
    return e === null ? null : { kind: 'email', value: e };
  }
  const lower = t.toLowerCase();
  if (HEX.test(lower) && (lower.length === 32 || lower.length === 40 || lower.length === 64)) {
    return { kind: 'hash', value: lower };
  }
  const d = normaliseDomain(t);
  return d === null ? null : { kind: 'domain', value: d };
}

/** Normalises a value whose kind the source states; null when it does not fit that kind. */
export function normaliseAs(kind: Kind, raw: string): string | null {
  switch (kind) {
    case 'ip':
      return normaliseIpv4(raw);
    case 'domain':
    case 'ns':
      return normaliseDomain(raw);
    case 'email':
      return normaliseEmail(raw);
    case 'hash': {
      const h = raw.trim().toLowerCase();
      return HEX.test(h) ? h : null;
    }
    case 'url':
      return urlHost(raw) === null ? null : raw.trim();
    default:
      return raw.trim() === '' ? null : raw.trim().toLowerCase();
  }
}
