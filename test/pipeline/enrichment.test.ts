import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDnsClient } from '../../src/enrich/dns/index.js';
import { enrichDomain } from '../../src/enrich/index.js';
import { BackgroundEnricher, type EnrichmentUpdate } from '../../src/pipeline/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startDnsServer } from '../support/dns-server.js';

const HIT = {
  name: 'mail-en-marche.fr',
  display: 'mail-en-marche.fr',
  domain: 'mail-en-marche.fr',
  brand: 'En Marche',
  brandDomain: 'en-marche.fr',
  score: 0.9,
  techniques: ['combo' as const],
  reasons: ['brand `en-marche` + keyword `mail`'],
};

async function storeWithFinding(): Promise<Store> {
  const store = openStore(':memory:');
  await store.recordHits([{ hit: HIT, provenance: { source: 'test', position: '1', seenAt: '2017-04-20T00:00:00Z' } }]);
  return store;
}

/** Enriches with the real adapters against a local DNS server serving `records`. */
async function enrichAgainst(records: Parameters<typeof startDnsServer>[0]['records'], now: () => Date) {
  const dns = await startDnsServer({ records });
  const client = createDnsClient({ servers: [dns.address], timeoutMs: 500 });
  return { fn: (d: string) => enrichDomain(d, { dns: client, policy: { allowLoopback: true }, now }), close: () => dns.close() };
}

test('a parked finding that later gets an MX record is re-scored and reported with what changed', async () => {
  const store = await storeWithFinding();
  let clock = new Date('2026-11-01T00:00:00Z');
  const now = (): Date => clock;
  const updates: EnrichmentUpdate[] = [];
  const parked = await enrichAgainst([{ name: 'mail-en-marche.fr', type: 'A', data: '127.0.0.1' }], now);
  const first = new BackgroundEnricher(store, parked.fn, (u) => updates.push(u), { now });
  first.add('mail-en-marche.fr');
  await first.idle();
  await parked.close();
  assert.equal(updates.length, 1);
  assert.ok(updates[0]?.first);
  assert.ok(!updates[0]?.reasons.some((r) => /mail/i.test(r)), updates[0]?.reasons.join());

  clock = new Date('2026-11-03T00:00:00Z');
  const live = await enrichAgainst(
    [
      { name: 'mail-en-marche.fr', type: 'A', data: '127.0.0.1' },
      { name: 'mail-en-marche.fr', type: 'MX', data: { preference: 10, exchange: 'mx.mail-en-marche.fr' } },
    ],
    now,
  );
  const second = new BackgroundEnricher(store, live.fn, (u) => updates.push(u), { now });
  assert.equal(await second.enqueueDue(24 * 3600_000), 1, 'enriched two days ago: due again');
  await second.idle();
  await live.close();
  const u = updates[1];
  assert.ok(u && !u.first);
  assert.ok(u.added.some((r) => /MX/.test(r)), `added: ${u.added.join('; ')}`);
  assert.ok(u.risk > (updates[0]?.risk ?? 0));

  const facts = await store.factsFor('mail-en-marche.fr');
  assert.ok(facts.some((f) => f.fact === 'mx' && f.observed.startsWith('2026-11-03')), 'the MX fact is kept with when it was seen');
  assert.equal(facts.filter((f) => f.fact === 'enriched').length, 2, 'history: both enrichments are kept');
  assert.equal(await second.enqueueDue(24 * 3600_000), 0, 'just enriched: not due');
  await store.close();
});

test('the queue is bounded and a failing enrichment is reported without stopping the others', async () => {
  const store = await storeWithFinding();
  const errors: string[] = [];
  const done: string[] = [];
  const enricher = new BackgroundEnricher(
    store,
    async (d) => {
      if (d === 'bad.example') throw new Error('resolver exploded');
      return { subject: d, facts: [], risk: { delta: 0, adjustments: [] } };
    },
    (u) => done.push(u.domain),
    { concurrency: 1, maxQueue: 2, onError: (d, e) => errors.push(`${d}: ${e.message}`) },
  );
  assert.ok(enricher.add('bad.example'));
  assert.ok(enricher.add('a.example'));
  assert.ok(enricher.add('b.example'));
  assert.equal(enricher.add('c.example'), false, 'queue full');
  await enricher.idle();
  assert.deepEqual(errors, ['bad.example: resolver exploded']);
  assert.deepEqual(done.sort(), ['a.example', 'b.example']);
  await store.close();
});
