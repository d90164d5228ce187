import { guardedGet, type HttpErrorKind } from '../http/index.js';
import { Polite } from '../policy/index.js';
import type { NetDeps } from '../types.js';
import { serverForDomain, type Bootstrap } from './bootstrap.js';
import { parseRdapDomain, type RdapDomain } from './parse.js';

export type RdapErrorKind = HttpErrorKind | 'no-server' | 'not-found' | 'http-status' | 'malformed';

export type RdapLookup =
  | { readonly ok: true; readonly domain: RdapDomain; readonly url: string }
  | { readonly ok: false; readonly kind: RdapErrorKind; readonly message: string; readonly status?: number };

export interface RdapDeps extends NetDeps {
  /** The `dns` bootstrap (loadBootstrap('dns')). */
  readonly bootstrap: Bootstrap;
  /** Rate limit per registry server, retries and cache; one per process. */
  readonly polite?: Polite<RdapLookup>;
  /** Extra CA for a test server over https. */
  readonly ca?: string | Buffer;
}

/** RDAP answers are small JSON; anything bigger is refused rather than parsed. */
const RDAP_LIMITS = { timeoutMs: 8000, maxBodyBytes: 512 * 1024, maxRedirects: 3, overflow: 'fail' as const };

const retryable = (r: RdapLookup): boolean =>
  !r.ok && (r.kind === 'network' || r.kind === 'timeout' || (r.kind === 'http-status' && (r.status === 429 || (r.status ?? 0) >= 500)));

async function attempt(url: string, deps: RdapDeps): Promise<RdapLookup> {
  const r = await guardedGet(url, deps, { accept: 'application/rdap+json, application/json', limits: RDAP_LIMITS, ca: deps.ca });
  if (!r.ok) return { ok: false, kind: r.kind, message: r.message };
  if (r.status === 404) return { ok: false, kind: 'not-found', status: 404, message: `${url}: the registry has no such domain (404)` };
  if (r.status !== 200) return { ok: false, kind: 'http-status', status: r.status, message: `${url}: HTTP ${r.status}` };
  let json: unknown;
  try {
    json = JSON.parse(r.body.toString('utf8'));
  } catch (err) {
    return { ok: false, kind: 'malformed', message: `${url}: not JSON (${(err as Error).message.slice(0, 80)})` };
  }
  const parsed = parseRdapDomain(json, url);
  return parsed.ok ? { ok: true, domain: parsed.domain, url } : { ok: false, kind: 'malformed', message: parsed.message };
}

/** Looks a registrable domain up at its registry's RDAP server, found through the bootstrap. */
export async function lookupRdapDomain(domain: string, deps: RdapDeps): Promise<RdapLookup> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const base = serverForDomain(deps.bootstrap, name);
  if (base === undefined) return { ok: false, kind: 'no-server', message: `no RDAP server for ${name} in the bootstrap` };
  const url = `${base}/domain/${encodeURIComponent(name)}`;
  if (deps.polite === undefined) return attempt(url, deps);
  return deps.polite.run(url, new URL(base).host, () => attempt(url, deps), retryable);
}
