/**
 * A certstream-compatible WebSocket client as a Feed: an alternative to polling the logs when a
 * certstream server is at hand. Messages are batched (a name waits at most `flushMs`), a full queue
 * pauses the socket (back-pressure reaches the server through TCP), a dropped connection is retried
 * with exponential backoff and jitter, malformed messages are counted and skipped.
 *
 * Checkpoint: per log, the last cert_index stored, so a message sent again (after a reconnect or a
 * restart) is not stored twice. certstream cannot replay: what is logged while disconnected is missed,
 * which is said on each reconnect; follow the logs themselves (`--log`) where nothing may be missed.
 */
import WebSocket from 'ws';
import type { Name } from '../engine/index.js';
import { readCertstreamMessage } from './certstream-message.js';
import type { Feed, FeedBatch } from './feed.js';

export interface CertstreamFeedOptions {
  /** ws:// or wss:// URL of a certstream server (e.g. its `/full-stream` or `/` endpoint). */
  readonly url: string;
  /** The stored checkpoint value (see certstreamCheckpointKey), or null. */
  readonly resume: string | null;
  /** End when the server closes the connection instead of reconnecting (tests, cron). */
  readonly once?: boolean;
  readonly warn: (message: string) => void;
  readonly signal?: AbortSignal;
  /** Messages per batch (default 500) and the longest a message waits for its batch (default 1000 ms). */
  readonly batchMessages?: number;
  readonly flushMs?: number;
  /** Reconnect delays: base doubled per failed attempt up to max, with jitter (defaults 1 s, 60 s). */
  readonly backoffMs?: { readonly base: number; readonly max: number };
  /** Messages queued before the socket is paused (default 5000). */
  readonly maxQueued?: number;
  readonly random?: () => number;
}

export function certstreamCheckpointKey(url: string): string {
  return `certstream:${url}`;
}

/** The per-log last indexes of a stored checkpoint; anything unreadable counts as none. */
function parseResume(value: string | null): Map<string, number> {
  const out = new Map<string, number>();
  if (value === null) return out;
  try {
    const v: unknown = JSON.parse(value);
    if (typeof v === 'object' && v !== null) for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out.set(k, n);
  } catch {
    // an old or hand-edited value: start afresh
  }
  return out;
}

class Connection {
  readonly inbox: string[] = [];
  closed = false;
  received = false;
  reason = '';
  private wake: (() => void) | undefined;
  private readonly ws: WebSocket;

  constructor(url: string, private readonly maxQueued: number) {
    this.ws = new WebSocket(url, { maxPayload: 4 << 20, handshakeTimeout: 15_000 });
    this.ws.on('message', (data, isBinary) => {
      this.received = true;
      this.inbox.push(isBinary ? '' : data.toString());
      if (this.inbox.length >= this.maxQueued && !this.ws.isPaused) this.ws.pause();
      this.poke();
    });
    this.ws.on('error', (e) => void (this.reason ||= e.message));
    this.ws.on('close', (code, why) => {
      this.closed = true;
      this.reason ||= `closed by the server (${code}${why.length > 0 ? ` ${why.toString()}` : ''})`;
      this.poke();
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Resolves on the next message or close, or after `ms`. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => this.poke(), Math.max(0, ms));
      this.wake = () => (clearTimeout(t), resolve());
    });
  }

  take(n: number): string[] {
    const got = this.inbox.splice(0, n);
    if (this.ws.isPaused && this.inbox.length < this.maxQueued / 2) this.ws.resume();
    return got;
  }

  close(): void {
    this.ws.terminate();
    this.closed = true;
    this.poke();
  }
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function* certstreamFeed(o: CertstreamFeedOptions): Feed {
  const key = certstreamCheckpointKey(o.url);
  const last = parseResume(o.resume);
  const batchMessages = o.batchMessages ?? 500;
  const flushMs = o.flushMs ?? 1000;
  const backoff = o.backoffMs ?? { base: 1000, max: 60_000 };
  const random = o.random ?? Math.random;
  const aborted = (): boolean => o.signal?.aborted === true;
  let malformedSeen = 0;
  const malformed = (reason: string): void => {
    malformedSeen++;
    if (malformedSeen <= 5 || malformedSeen % 1000 === 0) o.warn(`${o.url}: malformed message (${reason}); skipped (${malformedSeen} so far)`);
  };
  if (last.size > 0) o.warn(`${o.url}: resuming; certificates logged while stopped were not seen (certstream cannot replay)`);
  let attempt = 0;
  while (!aborted()) {
    const c = new Connection(o.url, o.maxQueued ?? 5000);
    const onAbort = (): void => c.close();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const deadline = Date.now() + flushMs;
        while (!c.closed && c.inbox.length < batchMessages && Date.now() < deadline) await c.wait(deadline - Date.now());
        if (c.inbox.length === 0) {
          if (c.closed) break;
          continue;
        }
        const receivedAt = new Date().toISOString();
        const names: Name[] = [];
        let entries = 0;
        let bad = 0;
        for (const text of c.take(batchMessages)) {
          const m = text === '' ? ({ kind: 'malformed', reason: 'binary frame' } as const) : readCertstreamMessage(text, o.url, receivedAt);
          if (m.kind === 'heartbeat') continue;
          entries++;
          if (m.kind === 'malformed') {
            bad++;
            malformed(m.reason);
            continue;
          }
          if (m.index !== undefined) {
            if (m.index <= (last.get(m.log) ?? -1)) continue; // sent again: stored already
            last.set(m.log, m.index);
          }
          for (const n of m.names) names.push(n);
        }
        if (entries === 0) continue;
        const batch: FeedBatch = { source: key, names, checkpoint: { key, value: JSON.stringify(Object.fromEntries(last)) }, entries, malformed: bad };
        yield batch;
      }
    } finally {
      o.signal?.removeEventListener('abort', onAbort);
      c.close();
    }
    if (aborted()) return;
    if (o.once === true) {
      o.warn(`${o.url}: ${c.reason}; not reconnecting (--once)`);
      return;
    }
    if (c.received) attempt = 0;
    const delay = Math.round(Math.min(backoff.max, backoff.base * 2 ** attempt) * (0.5 + random() / 2));
    attempt++;
    o.warn(`${o.url}: ${c.reason}; reconnecting in ${delay} ms (what is logged meanwhile is missed)`);
    await sleep(delay, o.signal);
  }
}
