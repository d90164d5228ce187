import { Resolver } from 'node:dns/promises';
import { TtlCache } from './cache.js';
import { dnsError, errorCode } from './errors.js';
import { Limiter } from './limiter.js';
import { queryName } from './query-name.js';
import { soaMailbox } from './soa.js';
import type { DnsClientOptions, DnsRecordType, DnsRecords, DnsResult, RecordOf } from './types.js';

export interface DnsClient {
  /** One query: records of one type at one name. */
  query<K extends DnsRecordType>(name: string, type: K): Promise<DnsResult<RecordOf[K]>>;
  /** Several types at one name, asked in parallel (within the client's concurrency). */
  resolveRecords<K extends DnsRecordType>(name: string, types: readonly K[]): Promise<DnsRecords<K>>;
}

type Fetchers = { readonly [K in DnsRecordType]: (r: Resolver, name: string) => Promise<RecordOf[K][]> };

const FETCH: Fetchers = {
  A: (r, n) => r.resolve4(n),
  AAAA: (r, n) => r.resolve6(n),
  NS: (r, n) => r.resolveNs(n),
  CNAME: (r, n) => r.resolveCname(n),
  TXT: async (r, n) => (await r.resolveTxt(n)).map((chunks) => chunks.join('')),
  MX: async (r, n) => (await r.resolveMx(n)).map((m) => ({ exchange: m.exchange, priority: m.priority })),
  SOA: async (r, n) => {
    const s = await r.resolveSoa(n);
    return [{
      mname: s.nsname, rname: s.hostmaster, mailbox: soaMailbox(s.hostmaster), serial: s.serial,
      refresh: s.refresh, retry: s.retry, expire: s.expire, minimum: s.minttl,
    }];
  },
};

/** Failures that say something about the name, worth remembering; the rest are about the path. */
const CACHEABLE = new Set(['nxdomain', 'servfail', 'refused']);

/**
 * A DNS client over node's resolver (c-ares): the servers given, a timeout per attempt, retries
 * after timeouts, bounded concurrency, answers capped, results cached, identical queries in
 * flight shared. It never throws on an answer: every outcome is a DnsResult.
 */
export function createDnsClient(options: DnsClientOptions = {}): DnsClient {
  const timeoutMs = options.timeoutMs ?? 2000;
  const attempts = 1 + (options.retries ?? 1);
  const maxAnswers = options.maxAnswers ?? 32;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (options.servers !== undefined && options.servers.length > 0) resolver.setServers([...options.servers]);
  const limiter = new Limiter(options.concurrency ?? 32);
  const cache = new TtlCache<DnsResult<unknown>>(options.cacheSize ?? 10_000, options.cacheTtlMs ?? 300_000, options.now ?? Date.now);
  const inFlight = new Map<string, Promise<DnsResult<unknown>>>();

  async function ask<K extends DnsRecordType>(name: string, type: K): Promise<DnsResult<RecordOf[K]>> {
    let last: DnsResult<RecordOf[K]> = { ok: false, error: 'timeout', message: `${type} ${name}: no attempt` };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const all = await limiter.run(() => FETCH[type](resolver, name));
        return { ok: true, records: all.slice(0, maxAnswers), truncated: all.length > maxAnswers };
      } catch (err) {
        const code = errorCode(err);
        if (code === 'ENODATA') return { ok: true, records: [], truncated: false };
        const error = dnsError(code);
        last = { ok: false, error, message: `${type} ${name}: ${error} (${code}) after ${attempt} attempt${attempt > 1 ? 's' : ''}` };
        if (error !== 'timeout') break;
      }
    }
    return last;
  }

  async function query<K extends DnsRecordType>(input: string, type: K): Promise<DnsResult<RecordOf[K]>> {
    const name = queryName(input);
    if (name === null) return { ok: false, error: 'bad-name', message: `${type} '${input}': not a DNS name` };
    const key = `${type} ${name}`;
    // Both looked up before any await, so concurrent callers see each other's query.
    const hit = cache.get(key) ?? inFlight.get(key);
    if (hit !== undefined) return (await hit) as DnsResult<RecordOf[K]>;
    const pending = ask(name, type);
    inFlight.set(key, pending);
    try {
      const result = await pending;
      if (result.ok || CACHEABLE.has(result.error)) cache.set(key, result);
      return result;
    } finally {
      inFlight.delete(key);
    }
  }

  async function resolveRecords<K extends DnsRecordType>(name: string, types: readonly K[]): Promise<DnsRecords<K>> {
    const results = await Promise.all(types.map(async (t) => [t, await query(name, t)] as const));
    return Object.fromEntries(results) as unknown as DnsRecords<K>;
  }

  return { query, resolveRecords };
}
