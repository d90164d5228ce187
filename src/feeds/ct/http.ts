/**
 * HTTP GET for one log: a minimum interval between requests (the per-log rate limit), retries with
 * exponential backoff and full jitter on 429, 5xx and network errors (honouring Retry-After), a
 * timeout and a size cap. Failures come back as results naming the URL and the reason.
 */
import { gunzipSync } from 'node:zlib';

export type HttpResult =
  | { readonly ok: true; readonly status: number; readonly body: Buffer }
  | { readonly ok: false; readonly status: number; readonly message: string };

export interface HttpOptions {
  /** Retries after the first attempt for 429/5xx/network errors. */
  readonly retries?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** At least this long between two requests to the same log. */
  readonly minIntervalMs?: number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly userAgent?: string;
  /** Told about each retry (for stderr). */
  readonly onRetry?: (message: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function retryAfterMs(h: string | null): number | undefined {
  if (h === null) return undefined;
  const s = Number(h);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const t = Date.parse(h);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

/** Undoes a gzip layer the server stored in the file itself (sunlight's names tiles) rather than as Content-Encoding. */
export function maybeGunzip(body: Buffer, maxBytes: number): Buffer | string {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (e) {
    return `gzip body does not decompress: ${(e as Error).message}`;
  }
}

export class LogHttp {
  private next = 0;
  private readonly o: Required<Omit<HttpOptions, 'onRetry'>> & Pick<HttpOptions, 'onRetry'>;

  constructor(options: HttpOptions = {}) {
    this.o = {
      retries: 6,
      baseDelayMs: 250,
      maxDelayMs: 30_000,
      minIntervalMs: 0,
      timeoutMs: 30_000,
      maxBytes: 64 << 20,
      userAgent: 'squatwatch (+https://github.com/squatwatch)',
      sleep: defaultSleep,
      random: Math.random,
      ...options,
    };
  }

  private async pace(): Promise<void> {
    const now = Date.now();
    const wait = this.next - now;
    this.next = Math.max(now, this.next) + this.o.minIntervalMs;
    if (wait > 0) await this.o.sleep(wait);
  }

  private async once(url: string): Promise<HttpResult & { retryAfter?: number }> {
    await this.pace();
    try {
      const res = await fetch(url, {
        headers: { 'user-agent': this.o.userAgent, 'accept-encoding': 'gzip, identity' },
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      if (!res.ok) {
        await res.body?.cancel();
        return { ok: false, status: res.status, message: `GET ${url}: HTTP ${res.status}`, retryAfter: retryAfterMs(res.headers.get('retry-after')) };
      }
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > this.o.maxBytes) {
        await res.body?.cancel();
        return { ok: false, status: res.status, message: `GET ${url}: ${declared} bytes is over the ${this.o.maxBytes}-byte cap` };
      }
      const body = Buffer.from(await res.arrayBuffer());
      if (body.length > this.o.maxBytes) return { ok: false, status: res.status, message: `GET ${url}: body over the ${this.o.maxBytes}-byte cap` };
      return { ok: true, status: res.status, body };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return { ok: false, status: 0, message: `GET ${url}: ${(e as Error).message}${cause ? ` (${cause})` : ''}` };
    }
  }

  /** GETs `url`; 404 and other 4xx are returned at once, 429/5xx/network errors retried. */
  async get(url: string): Promise<HttpResult> {
    for (let attempt = 0; ; attempt++) {
      const r = await this.once(url);
      if (r.ok || (r.status !== 0 && !retryable(r.status)) || attempt >= this.o.retries) {
        return r.ok ? { ok: true, status: r.status, body: r.body } : { ok: false, status: r.status, message: r.message };
      }
      const cap = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt);
      const delay = Math.max(r.retryAfter ?? 0, Math.floor(this.o.random() * cap));
      this.o.onRetry?.(`${r.message}; retry ${attempt + 1}/${this.o.retries} in ${delay} ms`);
      await this.o.sleep(Math.min(delay, this.o.maxDelayMs));
    }
  }
}
