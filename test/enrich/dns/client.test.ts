import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cnameChain, createDnsClient, detectWildcard, type DnsClient } from '../../../src/enrich/dns/index.js';
import { type DnsTestServer, startDnsServer } from '../../support/dns-server.js';
import { ZONE } from './zone.js';

let server: DnsTestServer;
let client: DnsClient;

before(async () => {
  server = await startDnsServer(ZONE);
  client = createDnsClient({ servers: [server.address], timeoutMs: 500, retries: 1, concurrency: 8 });
});
after(() => server.close());

test('every record type comes back typed', async () => {
  const r = await client.resolveRecords('example.test', ['A', 'AAAA', 'NS', 'MX', 'SOA', 'TXT']);
  assert.deepEqual(r.A, { ok: true, records: ['192.0.2.10'], truncated: false });
  assert.deepEqual(r.AAAA, { ok: true, records: ['2001:db8::10'], truncated: false });
  assert.ok(r.NS.ok && [...r.NS.records].sort().join() === 'ns1.example.test,ns2.example.test');
  assert.deepEqual(r.MX, { ok: true, records: [{ exchange: 'mail.example.test', priority: 10 }], truncated: false });
  assert.ok(r.SOA.ok);
  assert.deepEqual(r.SOA.records[0], {
    mname: 'ns1.example.test', rname: 'john\\.doe.example.test', mailbox: 'john.doe@example.test',
    serial: 2017042601, refresh: 3600, retry: 600, expire: 86400, minimum: 300,
  });
  assert.deepEqual(r.TXT, { ok: true, records: ['v=spf1 ip4:192.0.2.0/24 -all'], truncated: false });
  const dmarc = await client.query('_dmarc.example.test', 'TXT');
  assert.deepEqual(dmarc, { ok: true, records: ['v=DMARC1; p=reject; rua=mailto:d@example.test'], truncated: false });
});

test('CNAME: the record, addresses through the chain, and the whole chain', async () => {
  assert.deepEqual(await client.query('www.example.test', 'CNAME'), { ok: true, records: ['edge.example.test'], truncated: false });
  assert.deepEqual(await client.query('www.example.test', 'A'), { ok: true, records: ['192.0.2.20'], truncated: false });
  assert.deepEqual(await cnameChain(client, 'www.example.test'), { ok: true, records: ['edge.example.test', 'origin.example.test'], truncated: false });
  assert.deepEqual(await cnameChain(client, 'example.test'), { ok: true, records: [], truncated: false });
  const loop = await cnameChain(client, 'loop1.example.test');
  assert.ok(loop.ok && loop.truncated && loop.records.length <= 8);
});

test('NXDOMAIN, NODATA, SERVFAIL and a timeout are told apart', async () => {
  const nx = await client.query('nope.example.test', 'A');
  assert.equal(nx.ok ? 'ok' : nx.error, 'nxdomain');
  assert.deepEqual(await client.query('plain.test', 'MX'), { ok: true, records: [], truncated: false });
  const sf = await client.query('broken.example.test', 'A');
  assert.equal(sf.ok ? 'ok' : sf.error, 'servfail');
  const before = server.queries.filter((q) => q.name === 'dead.example.test').length;
  const to = await client.query('dead.example.test', 'A');
  assert.ok(!to.ok && to.error === 'timeout' && /after 2 attempts/.test(to.message), JSON.stringify(to));
  assert.equal(server.queries.filter((q) => q.name === 'dead.example.test').length - before, 2, 'one retry after the timeout');
});

test('a wildcard is detected with a random label; a plain zone is not a wildcard', async () => {
  const w = await detectWildcard(client, 'wild.test');
  assert.ok(w.ok && w.wildcard);
  assert.deepEqual(w.addresses, ['198.51.100.7']);
  assert.match(w.probe, /^sw-[0-9a-f]{16}\.wild\.test$/);
  const p = await detectWildcard(client, 'plain.test', 'fixed-probe');
  assert.deepEqual(p, { ok: true, wildcard: false, probe: 'fixed-probe.plain.test', addresses: [] });
  const dead = await detectWildcard(createDnsClient({ servers: [server.address], timeoutMs: 200, retries: 0 }), 'example.test', 'x');
  assert.ok(!dead.ok || !dead.wildcard);
});

test('a big answer comes over TCP and is capped', async () => {
  const capped = createDnsClient({ servers: [server.address], maxAnswers: 10 });
  const r = await capped.query('many.example.test', 'A');
  assert.ok(r.ok && r.records.length === 10 && r.truncated);
  assert.ok(server.queries.some((q) => q.name === 'many.example.test' && q.transport === 'tcp'), 'retried over TCP after truncation');
});

test('answers are cached until they expire; identical queries in flight are asked once', async () => {
  let now = 0;
  const c = createDnsClient({ servers: [server.address], cacheTtlMs: 1000, now: () => now });
  const count = (): number => server.queries.filter((q) => q.name === 'plain.test' && q.type === 'A').length;
  const start = count();
  await Promise.all([c.query('plain.test', 'A'), c.query('PLAIN.test.', 'A'), c.query('plain.test', 'A')]);
  await c.query('plain.test', 'A');
  assert.equal(count() - start, 1);
  now = 1001;
  await c.query('plain.test', 'A');
  assert.equal(count() - start, 2);
});

test('a name that is not a DNS name is refused without a query', async () => {
  const n = server.queries.length;
  for (const bad of ['', 'a..b', 'exa mple.test', `${'a'.repeat(64)}.test`]) {
    const r = await client.query(bad, 'A');
    assert.equal(r.ok ? 'ok' : r.error, 'bad-name', bad);
  }
  assert.equal(server.queries.length, n);
});

test('no more queries are in flight than the concurrency allows', async () => {
  const slow = await startDnsServer({ ...ZONE, delayMs: 20 });
  try {
    const c = createDnsClient({ servers: [slow.address], concurrency: 3 });
    const names = Array.from({ length: 30 }, (_, i) => `n${i}.example.test`);
    const results = await Promise.all(names.map((n) => c.query(n, 'A')));
    assert.ok(results.every((r) => !r.ok && r.error === 'nxdomain'));
    assert.equal(slow.queries.length, 30);
    assert.equal(slow.maxInFlight(), 3);
  } finally {
    await slow.close();
  }
  assert.throws(() => createDnsClient({ concurrency: 0 }), /concurrency/);
});
