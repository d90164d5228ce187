import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { domainToASCII } from 'node:url';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../support/cli.js';
import { type DnsTestServer, startDnsServer } from '../support/dns-server.js';

const IDN = domainToASCII('en-m\u0430rche.fr'); // Cyrillic a

let server: DnsTestServer;
before(async () => {
  server = await startDnsServer({
    records: [
      { name: 'en-marche.fr', type: 'A', data: '192.0.2.1' }, // the original: never scanned, never reported
      { name: 'en-marche.co', type: 'A', data: '203.0.113.5' },
      { name: 'en-marche.co', type: 'NS', data: 'ns1.bad.example' },
      { name: 'en-rnarche.fr', type: 'MX', data: { preference: 10, exchange: 'mx.bad.example' } },
      { name: IDN, type: 'AAAA', data: '2001:db8::66' },
      { name: 'www.example.org', type: 'A', data: '192.0.2.99' }, // not a variant
    ],
    servfail: ['en-marche.net'], // timeouts are tested with the DNS client; here they would only slow the scan
  });
});
after(() => server.close());

test('scan reports exactly the registered variants, with their records', async () => {
  const c = captureIO();
  const code = await main(['scan', 'en-marche.fr', '--resolver', server.address, '--timeout', '1000', '--concurrency', '64', '--format', 'jsonl'], c.io);
  assert.equal(code, 1, c.err());
  const rows = c.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(rows.map((r) => r.domain).sort(), ['en-marche.co', 'en-rnarche.fr', IDN].sort());
  const co = rows.find((r) => r.domain === 'en-marche.co');
  assert.deepEqual(co, {
    domain: 'en-marche.co', display: 'en-marche.co', technique: 'tld-swap', fuzzer: 'tld-swap',
    A: ['203.0.113.5'], AAAA: [], NS: ['ns1.bad.example'], MX: [], wildcard: false,
  });
  assert.deepEqual(rows.find((r) => r.domain === 'en-rnarche.fr')?.MX, [{ priority: 10, exchange: 'mx.bad.example' }]);
  assert.equal(rows.find((r) => r.domain === IDN)?.display, 'en-m\u0430rche.fr');
  assert.match(c.err(), /^scanning \d+ variants of en-marche\.fr\n/);
  assert.match(c.err(), /3 of \d+ variants registered; 1 unresolved\n$/);
  assert.ok(!server.queries.some((q) => q.name === 'en-marche.fr'), 'the original is not a variant');
});

test('scan text output and exit 0 when nothing is registered', async () => {
  const c = captureIO();
  const code = await main(['scan', 'en-marche.fr', '--resolver', server.address, '--families', 'tld-swap'], c.io);
  assert.equal(code, 1);
  assert.equal(c.out(), 'en-marche.co\ttld-swap\ttld-swap\tA=203.0.113.5 NS=ns1.bad.example\n');
  const none = captureIO();
  assert.equal(await main(['scan', 'circl.lu', '--resolver', server.address, '--families', 'omission'], none.io), 0);
  assert.equal(none.out(), '');
  assert.match(none.err(), /0 of 5 variants registered; 0 unresolved/);
});

test('scan refuses a bad resolver, concurrency or timeout with exit 2', async () => {
  for (const args of [['--resolver', 'dns.example'], ['--concurrency', '0'], ['--timeout', 'soon'], ['--format', 'csv']]) {
    const c = captureIO();
    assert.equal(await main(['scan', 'en-marche.fr', ...args], c.io), 2, args.join(' '));
    assert.match(c.err(), /squatwatch scan: /);
  }
});
