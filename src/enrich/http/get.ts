import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { addressFor } from '../address-for.js';
import { trustContext } from '../trust.js';
import type { NetDeps } from '../types.js';

/** Caps on one GET, redirects included. Defaults suit a web page; RDAP passes its own. */
export interface HttpLimits {
  /** For the whole GET, every redirect hop included. */
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxHeaderBytes: number;
  readonly maxRedirects: number;
  /** 'truncate' keeps the first maxBodyBytes (web pages); 'fail' refuses the answer (JSON). */
  readonly overflow: 'truncate' | 'fail';
}

export const PAGE_LIMITS: HttpLimits = {
  timeoutMs: 10_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxRedirects: 5,
  overflow: 'truncate',
};

/** One request made, or refused before it was made. */
export interface Hop {
  readonly url: string;
  /** The address connected to (or refused). */
  readonly address?: string;
  readonly status?: number;
  /** Why the guard refused to connect; no connection was made. */
  readonly refused?: string;
}

export type HttpErrorKind = 'bad-url' | 'no-address' | 'refused' | 'timeout' | 'too-large' | 'too-many-redirects' | 'network';

export type HttpResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: Buffer;
      readonly truncated: boolean;
      readonly finalUrl: string;
      readonly hops: readonly Hop[];
    }
  | { readonly ok: false; readonly kind: HttpErrorKind; readonly message: string; readonly hops: readonly Hop[] };

export interface GetOptions {
  readonly accept?: string;
  /** Extra CA certificates (tests with their own CA); validation errors never stop a GET anyway. */
  readonly ca?: string | Buffer;
  readonly limits?: Partial<HttpLimits>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GET a URL as an attacker's server would like least: each hop's host is resolved here, every
 * address checked by the guard, and the connection made to the checked address itself (the URL's
 * name only goes in Host and SNI), so a second resolution cannot slip past the guard. No cookies,
 * no compression (no zip bombs), no scripts; sizes and total time are capped.
 */
export async function guardedGet(url: string, deps: NetDeps, options: GetOptions = {}): Promise<HttpResult> {
  const limits: HttpLimits = { ...PAGE_LIMITS, ...options.limits };
  const hops: Hop[] = [];
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return { ok: false, kind: 'bad-url', message: `not a URL: ${JSON.stringify(current.slice(0, 200))}`, hops };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return { ok: false, kind: 'bad-url', message: `scheme ${target.protocol} of ${target.href} is not fetched`, hops };
    }
    const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
    const choice = await addressFor(host, deps);
    if (!choice.ok) {
      if (choice.kind === 'refused') hops.push({ url: target.href, address: choice.address, refused: choice.message });
      return { ok: false, kind: choice.kind, message: `${target.href}: ${choice.message}`, hops };
    }
    const address = choice.address;
    const answer = await requestOnce(target, host, address, options, limits, deadline);
    if (!answer.ok) {
      hops.push({ url: target.href, address });
      return { ...answer, hops };
    }
    hops.push({ url: target.href, address, status: answer.status });
    const location = answer.headers['location'];
    if (!REDIRECTS.has(answer.status) || location === undefined) {
      return { ok: true, status: answer.status, headers: answer.headers, body: answer.body, truncated: answer.truncated, finalUrl: target.href, hops };
    }
    if (redirects >= limits.maxRedirects) {
      return { ok: false, kind: 'too-many-redirects', message: `more than ${limits.maxRedirects} redirects from ${url}`, hops };
    }
    current = new URL(location, target).href;
  }
}

type OneAnswer =
  | { ok: true; status: number; headers: Record<string, string>; body: Buffer; truncated: boolean }
  | { ok: false; kind: HttpErrorKind; message: string };

function requestOnce(target: URL, host: string, address: string, options: GetOptions, limits: HttpLimits, deadline: AbortSignal): Promise<OneAnswer> {
  const secure = target.protocol === 'https:';
  const common = {
    host: address,
    port: target.port === '' ? (secure ? 443 : 80) : Number(target.port),
    path: `${target.pathname}${target.search}`,
    method: 'GET',
    agent: false as const,
    maxHeaderSize: limits.maxHeaderBytes,
    signal: deadline,
    headers: {
      host: target.host,
      accept: options.accept ?? 'text/html,*/*;q=0.5',
      'accept-encoding': 'identity',
      'user-agent': 'squatwatch-enrich/0.1 (+https://github.com/squatwatch)',
    },
  };
  return new Promise<OneAnswer>((resolve) => {
    let settled = false;
    const done = (a: OneAnswer): void => {
      if (!settled) {
        settled = true;
        resolve(a);
      }
    };
    const onResponse = (res: http.IncomingMessage): void => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const declared = Number(headers['content-length'] ?? '0');
      if (limits.overflow === 'fail' && declared > limits.maxBodyBytes) {
        res.destroy();
        done({ ok: false, kind: 'too-large', message: `${target.href} announces ${declared} bytes, over ${limits.maxBodyBytes}` });
        return;
      }
      res.on('data', (chunk: Buffer) => {
        if (size + chunk.length > limits.maxBodyBytes) {
          chunks.push(chunk.subarray(0, limits.maxBodyBytes - size));
          size = limits.maxBodyBytes;
          truncated = true;
          res.destroy();
          if (limits.overflow === 'fail') done({ ok: false, kind: 'too-large', message: `${target.href} sent over ${limits.maxBodyBytes} bytes` });
          else done({ ok: true, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), truncated });
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => done({ ok: true, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), truncated }));
      res.on('error', (err) => done(failure(target, err, deadline)));
    };
    const req = secure
      ? https.request(tlsOptions(common, host, options.ca), onResponse)
      : http.request(common, onResponse);
    req.on('error', (err) => done(failure(target, err, deadline)));
    req.end();
  });
}

/** node passes `secureContext` on to tls.connect; its https types just do not list it. */
function tlsOptions(common: https.RequestOptions, host: string, ca: string | Buffer | undefined): https.RequestOptions {
  const secure: https.RequestOptions & { secureContext?: unknown } = {
    ...common,
    servername: isIP(host) === 0 ? host : undefined,
    rejectUnauthorized: false,
    secureContext: trustContext(ca),
  };
  return secure;
}

function failure(target: URL, err: Error, deadline: AbortSignal): OneAnswer {
  if (deadline.aborted) return { ok: false, kind: 'timeout', message: `${target.href}: timed out` };
  const code = (err as { code?: unknown }).code;
  if (code === 'HPE_HEADER_OVERFLOW') return { ok: false, kind: 'too-large', message: `${target.href}: headers too large` };
  return { ok: false, kind: 'network', message: `${target.href}: ${String(code ?? err.message)}` };
}
