import { createHash } from 'node:crypto';
import { guardedGet, type GetOptions, type Hop } from '../http/index.js';
import type { Polite } from '../policy/index.js';
import { factMaker, type Fact, type NetDeps } from '../types.js';
import { summarisePage, type PageSummary } from './html.js';
import { shinglesOf, similarity, type Shingles } from './similarity.js';

/** A brand's real page, kept to compare lookalike pages with. */
export interface BrandReference {
  readonly brand: string;
  readonly shingles: Shingles;
  /** SHA-256 of the brand's favicon, hex, when known. */
  readonly faviconSha256?: string;
}

export function brandReference(brand: string, html: string, faviconSha256?: string): BrandReference {
  return { brand, shingles: shinglesOf(summarisePage(html, 'https://reference.invalid/')), faviconSha256 };
}

export interface WebDeps extends NetDeps {
  readonly references?: readonly BrandReference[];
  /** Test servers: extra CA, other ports (`{ http: 8080, https: 8443 }`). */
  readonly ca?: string | Buffer;
  readonly ports?: { readonly http?: number; readonly https?: number };
  readonly timeoutMs?: number;
  readonly polite?: Polite<PageVisit>;
}

export type PageVisit =
  | {
      readonly ok: true;
      readonly domain: string;
      readonly status: number;
      readonly finalUrl: string;
      readonly hops: readonly Hop[];
      readonly truncated: boolean;
      readonly page: PageSummary;
      readonly faviconSha256?: string;
      readonly similarity: ReadonlyArray<{ readonly brand: string; readonly score: number }>;
    }
  | { readonly ok: false; readonly domain: string; readonly kind: string; readonly message: string; readonly hops: readonly Hop[] };

const FAVICON_LIMITS = { maxBodyBytes: 100 * 1024, maxRedirects: 2, overflow: 'fail' as const };

function origin(scheme: 'http' | 'https', domain: string, ports: WebDeps['ports']): string {
  const port = ports?.[scheme];
  return `${scheme}://${domain}${port === undefined ? '' : `:${port}`}/`;
}

/** The body as text, in the declared charset when node knows it. */
function decode(body: Buffer, contentType: string | undefined): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return body.toString('utf8');
  }
}

async function attempt(domain: string, deps: WebDeps): Promise<PageVisit> {
  const options: GetOptions = { ca: deps.ca, limits: deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs } };
  // https first; plain http when nothing answers on 443 (a refusal by the guard is final)
  let r = await guardedGet(origin('https', domain, deps.ports), deps, options);
  if (!r.ok && r.kind !== 'refused' && r.kind !== 'too-many-redirects') {
    const plain = await guardedGet(origin('http', domain, deps.ports), deps, options);
    r = plain.ok || plain.kind === 'refused' ? plain : r;
  }
  if (!r.ok) return { ok: false, domain, kind: r.kind, message: r.message, hops: r.hops };
  const page = summarisePage(decode(r.body, r.headers['content-type']), r.finalUrl);
  const icon = await guardedGet(page.faviconUrl, deps, { ca: deps.ca, accept: 'image/*', limits: FAVICON_LIMITS });
  const faviconSha256 = icon.ok && icon.status === 200 && icon.body.length > 0 ? createHash('sha256').update(icon.body).digest('hex') : undefined;
  const mine = shinglesOf(page);
  return {
    ok: true,
    domain,
    status: r.status,
    finalUrl: r.finalUrl,
    hops: r.hops,
    truncated: r.truncated,
    page,
    faviconSha256,
    similarity: (deps.references ?? []).map((ref) => ({ brand: ref.brand, score: similarity(mine, ref.shingles) })),
  };
}

/** Fetches the domain's home page (redirects followed, every hop guarded) and reads it. */
export async function visitPage(domain: string, deps: WebDeps): Promise<PageVisit> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  if (deps.polite === undefined) return attempt(name, deps);
  const retryable = (v: PageVisit): boolean => !v.ok && (v.kind === 'network' || v.kind === 'timeout');
  return deps.polite.run(name, name, () => attempt(name, deps), retryable);
}

/** `http_status`, `final_url`, `title`, `password_form`, `form_action`, `favicon_sha256`, `brand_similarity`, `redirect`, `refused`. */
export function pageFacts(visit: PageVisit, observed: string, references: readonly BrandReference[] = []): Fact[] {
  const add = factMaker(visit.domain, 'web', observed);
  const hops = visit.hops.slice(0, -1).map((h) => add('redirect', `${h.url} -> ${h.status ?? ''}`));
  const refused = visit.hops.filter((h) => h.refused !== undefined).map((h) => add('refused', `${h.url}: ${h.refused ?? ''}`));
  if (!visit.ok) return [...hops, ...refused, add('web_error', `${visit.kind}: ${visit.message}`)];
  const facts = [...hops, add('http_status', visit.status), add('final_url', visit.finalUrl), add('password_form', visit.page.passwordForm)];
  if (visit.page.title !== undefined) facts.push(add('title', visit.page.title));
  for (const a of new Set(visit.page.formActions)) facts.push(add('form_action', a === '' ? visit.finalUrl : a));
  if (visit.faviconSha256 !== undefined) {
    facts.push(add('favicon_sha256', visit.faviconSha256));
    for (const ref of references) if (ref.faviconSha256 === visit.faviconSha256) facts.push(add('brand_favicon', ref.brand));
  }
  for (const s of visit.similarity) facts.push(add('brand_similarity', `${s.brand}=${s.score}`));
  if (visit.truncated) facts.push(add('page_truncated', true));
  return facts;
}
