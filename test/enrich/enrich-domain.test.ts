import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { enrichDomain, enrichAddress, loadBootstrap, brandReference, PUBLIC_ONLY, type EnrichDeps } from '../../src/enrich/index.js';
import { parseAsnCsv } from '../../src/enrich/asn/index.js';
import { createDnsClient } from '../../src/enrich/dns/index.js';
import { startDnsServer, type DnsTestServer } from '../support/dns-server.js';
import { startRdapServer, type RdapFixture } from '../support/rdap-server.js';
import { startHttpServer, type LocalServer } from '../support/http-server.js';
import { makeTestCerts, type TestCerts } from '../support/tls-certs.js';
import { BRAND_ICON, BRAND_LOGIN, KIT_LOGIN } from '../support/http-pages.js';

let dns: DnsTestServer;
let rdap: RdapFixture;
let web: LocalServer;
let certs: TestCerts;
let deps: EnrichDeps;

before(async () => {
  [dns, rdap, certs] = await Promise.all([
    startDnsServer({
      records: [
        { name: 'example.cz', type: 'A', data: '127.0.0.1' },
        { name: 'example.cz', type: 'NS', data: 'ns.pipni.cz' },
        { name: 'example.cz', type: 'MX', data: { preference: 10, exchange: 'mail.example.cz' } },
        { name: 'example.cz', type: 'SOA', data: { mname: 'ns.pipni.cz', rname: 'hostmaster.pipni.cz' } },
        { name: 'example.cz', type: 'TXT', data: 'v=spf1 mx -all' },
        { name: '_dmarc.example.cz', type: 'TXT', data: 'v=DMARC1; p=none' },
        { name: 'www.example.cz', type: 'CNAME', data: 'example.cz' },
        { name: 'inside.cz', type: 'A', data: '10.0.0.5' },
        { name: 'slow.cz', type: 'A', data: '127.0.0.1' },
        { name: '*.inside.cz', type: 'A', data: '10.0.0.5' },
      ],
    }),
    startRdapServer(),
    makeTestCerts(),
  ]);
  web = await startHttpServer(
    { 'example.cz/': { headers: { 'content-type': 'text/html' }, body: KIT_LOGIN }, 'example.cz/assets/fav.png': { body: BRAND_ICON }, 'slow.cz/': () => undefined },
    certs.valid,
  );
  const bootstrap = await loadBootstrap('dns', rdap.bootstrapDir);
  assert.ok(bootstrap.ok);
  deps = {
    dns: createDnsClient({ servers: [dns.address], timeoutMs: 500 }),
    policy: { allowLoopback: true },
    asn: parseAsnCsv('8.8.8.0,8.8.8.255,15169,Google LLC\n').table,
    rdap: { bootstrap: bootstrap.bootstrap },
    tls: { port: web.port, ca: certs.ca },
    web: {
      ports: { https: web.port, http: web.port },
      ca: certs.ca,
      references: [brandReference('En Marche', BRAND_LOGIN, createHash('sha256').update(BRAND_ICON).digest('hex'))],
    },
    // two days after example.cz was registered, per its real RDAP answer
    now: () => new Date('2004-09-01T12:00:00Z'),
  };
});
after(async () => {
  await Promise.all([dns.close(), rdap.close(), web.close()]);
  await certs.cleanup();
});

test('a domain is enriched from DNS, RDAP, TLS and its page, each fact with subject, source and time', async () => {
  const e = await enrichDomain('Example.CZ', deps);
  assert.equal(e.subject, 'example.cz');
  const has = (fact: string, value: string, source: string) =>
    assert.ok(e.facts.some((f) => f.fact === fact && f.value === value && f.source === source), `${fact}=${value} from ${source}`);
  has('a', '127.0.0.1', 'dns');
  has('address_class', '127.0.0.1 loopback', 'dns');
  has('mx', '10 mail.example.cz', 'dns');
  has('soa_mailbox', 'hostmaster@pipni.cz', 'dns');
  has('spf', 'v=spf1 mx -all', 'dns');
  has('dmarc', 'v=DMARC1; p=none', 'dns');
  has('cname', 'www.example.cz -> example.cz', 'dns');
  has('registrar', 'REG-INTERNET-CZ', `rdap:127.0.0.1:${rdap.server.port}`);
  has('created', '2004-08-30T22:55:00.000Z', `rdap:127.0.0.1:${rdap.server.port}`);
  has('tls_san', 'lure.test', 'tls');
  // the certificate is for lure.test: the name mismatch is recorded, not enforced
  has('tls_validation', 'ERR_TLS_CERT_ALTNAME_INVALID', 'tls');
  has('password_form', 'true', 'web');
  has('brand_favicon', 'En Marche', 'web');
  assert.ok(e.facts.every((f) => f.observed === '2004-09-01T12:00:00.000Z'));
  const reasons = e.risk.adjustments.map((a) => a.reason).join('\n');
  assert.match(reasons, /receives mail/);
  assert.match(reasons, /registered 1 day\(s\) ago/);
  assert.match(reasons, /asks for a password/);
  assert.match(reasons, /favicon of En Marche/);
  assert.match(reasons, /similar to En Marche/);
  assert.ok(e.risk.delta > 0.8);
});

test('a domain pointing into private space gets DNS facts but no connection: TLS and web are refused', async () => {
  const e = await enrichDomain('inside.cz', deps);
  const f = (fact: string) => e.facts.filter((x) => x.fact === fact).map((x) => x.value);
  assert.deepEqual(f('a'), ['10.0.0.5']);
  assert.deepEqual(f('address_class'), ['10.0.0.5 private']);
  assert.match(f('wildcard')[0] ?? '', /resolves to 10\.0\.0\.5/);
  assert.match(f('tls_error')[0] ?? '', /^refused: .*10\.0\.0\.5: private address/);
  assert.match(f('web_error')[0] ?? '', /^refused: /);
  assert.match(f('registration_error')[0] ?? '', /^not-found/);
  assert.equal(e.risk.adjustments.length, 0);
});

test('without the test switch the same loopback site is refused too', async () => {
  const e = await enrichDomain('example.cz', { ...deps, policy: PUBLIC_ONLY, rdap: undefined });
  assert.ok(e.facts.some((f) => f.fact === 'tls_error' && f.value.startsWith('refused')));
  assert.ok(e.facts.some((f) => f.fact === 'web_error' && f.value.startsWith('refused')));
  assert.ok(!e.facts.some((f) => f.fact === 'password_form'));
});

test('an adapter still waiting when the budget runs out leaves an enrich_error fact, the others their facts', async () => {
  const e = await enrichDomain('slow.cz', { ...deps, budgetMs: 300 });
  assert.deepEqual(e.facts.filter((f) => f.fact === 'enrich_error').map((f) => f.value), ['web: no answer within 300 ms']);
  assert.ok(e.facts.some((f) => f.fact === 'tls_fingerprint'));
  assert.ok(e.facts.some((f) => f.fact === 'registration_error'));
});

test('an address is enriched with its hosting network', async () => {
  const e = await enrichAddress('8.8.8.8', { policy: PUBLIC_ONLY, asn: deps.asn });
  assert.deepEqual(
    e.facts.map((f) => [f.subject, f.fact, f.value, f.source]),
    [
      ['8.8.8.8', 'asn', '15169', 'ip2asn'],
      ['8.8.8.8', 'as_org', 'Google LLC', 'ip2asn'],
      ['8.8.8.8', 'as_range', '8.8.8.0-8.8.8.255', 'ip2asn'],
    ],
  );
});
