import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces calls to one key (a registry's server, a whois host) at least 1000/perSecond ms apart,
 * so a burst of findings does not get squatwatch banned. Keys are independent.
 */
export class RateLimiter {
  private readonly next = new Map<string, number>();
  private readonly gapMs: number;

  constructor(perSecond: number) {
    this.gapMs = perSecond > 0 ? 1000 / perSecond : 0;
  }

  /** Resolves when the caller may go; callers on one key go in arrival order. */
  async take(key: string): Promise<void> {
    if (this.gapMs === 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next.get(key) ?? 0);
    this.next.set(key, at + this.gapMs);
    if (at > now) await sleep(at - now);
  }
}
