import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runEnrich } from '../../src/cli/enrich.js';
import { printable } from '../../src/act/index.js';
import { main } from '../../src/cli/main.js';
import { loadBootstrap } from '../../src/enrich/index.js';
import { captureIO } from '../support/cli.js';
import { startDnsServer, type DnsTestServer } from '../support/dns-server.js';
import { startRdapServer, type RdapFixture } from '../support/rdap-server.js';
import { startHttpServer, type LocalServer } from '../support/http-server.js';
import { makeTestCerts, type TestCerts } from '../support/tls-certs.js';
import { KIT_LOGIN } from '../support/http-pages.js';

let dns: DnsTestServer;
let rdap: RdapFixture;
let web: LocalServer;
let certs: TestCerts;

before(async () => {
  [dns, rdap, certs] = await Promise.all([
    startDnsServer({
      records: [
        { name: 'example.cz', type: 'A', data: '127.0.0.1' },
        { name: 'example.cz', type: 'MX', data: { preference: 5, exchange: 'mx.example.cz' } },
        { name: 'example.cz', type: 'TXT', data: 'hello \u001b[31mred\u001b[0m' },
      ],
    }),
    startRdapServer(),
    makeTestCerts(),
  ]);
  web = await startHttpServer({ 'example.cz/': { headers: { 'content-type': 'text/html' }, body: KIT_LOGIN } }, certs.valid);
});
after(async () => {
  await Promise.all([dns.close(), rdap.close(), web.close()]);
  await certs.cleanup();
});

async function testDeps() {
  const b = await loadBootstrap('dns', rdap.bootstrapDir);
  assert.ok(b.ok);
  // the loopback switch and the test ports exist only here, in code, never as CLI flags
  return {
    policy: { allowLoopback: true },
    rdap: { bootstrap: b.bootstrap },
    tls: { port: web.port, ca: certs.ca },
    web: { ports: { https: web.port, http: web.port }, ca: certs.ca },
  };
}

test('enrich prints the facts of a domain as JSON, one object with facts and risk', async () => {
  const c = captureIO();
  const code = await runEnrich(['example.cz', '--format', 'json', '--resolver', dns.address], c.io, await testDeps());
  assert.equal(code, 0, c.err());
  const out = JSON.parse(c.out()) as { subject: string; facts: { fact: string; value: string }[]; risk: { delta: number } };
  assert.equal(out.subject, 'example.cz');
  const pick = (f: string) => out.facts.filter((x) => x.fact === f).map((x) => x.value);
  assert.deepEqual(pick('mx'), ['5 mx.example.cz']);
  assert.deepEqual(pick('registrar'), ['REG-INTERNET-CZ']);
  assert.deepEqual(pick('password_form'), ['true']);
  assert.equal(pick('tls_fingerprint').length, 1);
  assert.ok(out.risk.delta > 0);
});

test('text output escapes control and bidi characters from attacker-controlled records', async () => {
  const c = captureIO();
  assert.equal(await runEnrich(['example.cz', '--resolver', dns.address], c.io, await testDeps()), 0);
  assert.match(c.out(), /^example\.cz\trisk \+/);
  assert.ok(c.out().includes('hello \\u001b[31mred\\u001b[0m'));
  assert.ok(!c.out().includes('\u001b'));
  assert.match(c.out(), /reasons:\n {2}\+0\.10 receives mail/);
});

test('through the real command line, loopback stays refused: no TLS or page facts', async () => {
  const c = captureIO();
  assert.equal(await main(['enrich', 'example.cz', '--format', 'json', '--resolver', dns.address, '--no-whois'], c.io), 0, c.err());
  const out = JSON.parse(c.out()) as { facts: { fact: string; value: string }[] };
  assert.ok(out.facts.some((f) => f.fact === 'tls_error' && /^refused: .*127\.0\.0\.1: loopback/.test(f.value)));
  assert.ok(out.facts.some((f) => f.fact === 'web_error' && f.value.startsWith('refused')));
  assert.ok(!out.facts.some((f) => f.fact === 'password_form'));
});

test('an IP address gets its hosting network from the shipped database', async () => {
  const c = captureIO();
  // no certificate probe: it would connect to 8.8.8.8, and tests never leave the machine
  assert.equal(await runEnrich(['8.8.8.8', '--format', 'json'], c.io, { tls: undefined }), 0);
  const out = JSON.parse(c.out()) as { facts: { fact: string; value: string }[] };
  assert.deepEqual(out.facts.filter((f) => f.fact === 'asn').map((f) => f.value), ['15169']);
});

test('bad usage exits 2 and says why', async () => {
  for (const [args, why] of [[[], /exactly one/], [['a.test', '--format', 'xml'], /--format/], [['a.test', '--resolver', 'dns.google'], /resolver/], [['a.test', '--allow-loopback-for-tests'], /Unknown option/]] as const) {
    const c = captureIO();
    assert.equal(await main(['enrich', ...args], c.io), 2);
    assert.match(c.err(), why);
  }
});

test('printable leaves ordinary text alone', () => {
  assert.equal(printable('En Marche ! – Connexion'), 'En Marche ! – Connexion');
  assert.equal(printable('a\nb'), 'a\\u000ab');
  assert.equal(printable('paypal\u202egnp.test'), 'paypal\\u202egnp.test');
});
