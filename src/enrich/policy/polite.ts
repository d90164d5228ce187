import { setTimeout as sleep } from 'node:timers/promises';
import { TtlCache } from './cache.js';
import { RateLimiter } from './rate-limit.js';

/** How an adapter treats the servers it asks. Each adapter has its defaults; callers may override. */
export interface PoliteOptions {
  /** Calls per second to one server. */
  readonly perSecond: number;
  /** Extra attempts after a retryable failure. */
  readonly retries: number;
  /** First back-off; doubled each retry, with jitter. */
  readonly retryDelayMs: number;
  /** How long an answer is reused; 0 turns the cache off. */
  readonly cacheTtlMs: number;
  readonly cacheSize: number;
}

export const DEFAULT_POLITE: PoliteOptions = { perSecond: 2, retries: 2, retryDelayMs: 250, cacheTtlMs: 60 * 60 * 1000, cacheSize: 10_000 };

/** Rate limit, retries and a cache around one adapter's single attempts (which never throw). */
export class Polite<O> {
  private readonly cache: TtlCache<O>;
  private readonly limiter: RateLimiter;
  readonly options: PoliteOptions;
  /** Attempts actually made, cache hits excluded (tests and benches read it). */
  attempts = 0;

  constructor(options: Partial<PoliteOptions> = {}) {
    this.options = { ...DEFAULT_POLITE, ...options };
    this.cache = new TtlCache<O>(this.options.cacheTtlMs, this.options.cacheSize);
    this.limiter = new RateLimiter(this.options.perSecond);
  }

  /**
   * The cached answer for `cacheKey`, or `attempt()` under the rate limit of `server`, retried
   * while `retryable(answer)`. Only answers that are not retryable are cached.
   */
  async run(cacheKey: string, server: string, attempt: () => Promise<O>, retryable: (answer: O) => boolean): Promise<O> {
    const cached = this.cache.get(cacheKey, Date.now());
    if (cached !== undefined) return cached;
    let answer: O;
    for (let i = 0; ; i++) {
      await this.limiter.take(server);
      this.attempts++;
      answer = await attempt();
      if (!retryable(answer) || i >= this.options.retries) break;
      await sleep(this.options.retryDelayMs * 2 ** i * (0.5 + Math.random() / 2));
    }
    if (!retryable(answer)) this.cache.set(cacheKey, answer, Date.now());
    return answer;
  }
}
