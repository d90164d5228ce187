import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadBootstrap, lookupRdapDomain, registrationOf, lookupWhoisDomain, type Bootstrap, type RdapLookup } from '../../../src/enrich/rdap/index.js';
import { Polite } from '../../../src/enrich/policy/index.js';
import { staticResolver } from '../../../src/enrich/resolve.js';
import { PUBLIC_ONLY } from '../../../src/enrich/guard.js';
import { startRdapServer, startWhoisServer, ICANN_FORMAT, type RdapFixture } from '../../support/rdap-server.js';

let rdap: RdapFixture;
let bootstrap: Bootstrap;
const net = { resolve: staticResolver({ 'whois.iana.test': ['127.0.0.1'], 'whois.nic.info.test': ['127.0.0.1'], 'whois.example-registrar.test': ['127.0.0.1'] }), policy: { allowLoopback: true } };

before(async () => {
  rdap = await startRdapServer();
  const b = await loadBootstrap('dns', rdap.bootstrapDir);
  assert.ok(b.ok);
  bootstrap = b.bootstrap;
});
after(() => rdap.close());

test('example.cz is looked up at the server the bootstrap names and read from its real answer', async () => {
  const r = await lookupRdapDomain('Example.CZ', { ...net, bootstrap });
  assert.ok(r.ok, r.ok ? '' : r.message);
  assert.equal(r.url, `${rdap.server.origin}/domain/example.cz`);
  assert.equal(r.domain.created, '2004-08-30T22:55:00.000Z');
  assert.deepEqual(r.domain.nameservers, ['ns2.pipni.cz', 'ns3.pipni.cz', 'ns.pipni.cz']);
});

test('a 404, a malformed answer, a non-domain answer and a TLD without a server each give their own error', async () => {
  const kinds = async (d: string): Promise<string> => {
    const r = await lookupRdapDomain(d, { ...net, bootstrap });
    return r.ok ? 'ok' : r.kind;
  };
  assert.equal(await kinds('gone.cz'), 'not-found');
  assert.equal(await kinds('broken.cz'), 'malformed');
  assert.equal(await kinds('notadomain.cz'), 'malformed');
  assert.equal(await kinds('en-marche.fr'), 'no-server');
});

test('the registry server itself is subject to the guard', async () => {
  const r = await lookupRdapDomain('example.cz', { ...net, policy: PUBLIC_ONLY, bootstrap });
  assert.ok(!r.ok && r.kind === 'refused');
});

test('a 503 is retried, and the answer is then served from the cache', async () => {
  const polite = new Polite<RdapLookup>({ perSecond: 0, retries: 2, retryDelayMs: 1 });
  const deps = { ...net, bootstrap, polite };
  const first = await lookupRdapDomain('flaky.cz', deps);
  assert.ok(first.ok);
  assert.equal(polite.attempts, 2);
  const before = rdap.server.seen.length;
  const second = await lookupRdapDomain('flaky.cz', deps);
  assert.ok(second.ok);
  assert.equal(polite.attempts, 2);
  assert.equal(rdap.server.seen.length, before);
});

test('registrationOf turns an answer into facts and a failure into one registration_error fact', async () => {
  const now = () => new Date('2026-11-25T00:00:00Z');
  const facts = await registrationOf('example.cz', { ...net, bootstrap, now });
  assert.ok(facts.some((f) => f.fact === 'registrar' && f.value === 'REG-INTERNET-CZ'));
  assert.ok(facts.every((f) => f.source === `rdap:127.0.0.1:${rdap.server.port}` && f.observed === '2026-11-25T00:00:00.000Z'));
  const failed = await registrationOf('gone.cz', { ...net, bootstrap, now });
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.fact, 'registration_error');
  assert.match(failed[0]?.value ?? '', /^not-found: /);
});

test('a TLD without RDAP falls back to WHOIS: IANA names the server, a thin answer refers to the registrar', async () => {
  const whois = await startWhoisServer({
    info: 'domain:       INFO\r\nwhois:        whois.nic.info.test\r\n',
    'en-marche-fr.info': 'Domain Name: EN-MARCHE-FR.INFO\r\nRegistrar WHOIS Server: whois.example-registrar.test\r\n',
  });
  try {
    // the same local server plays IANA, the registry and the registrar; the last answer is the full one
    const deps = { ...net, port: whois.port, rootServer: 'whois.iana.test' };
    const thin = await lookupWhoisDomain('en-marche-fr.info', deps);
    assert.ok(thin.ok);
    assert.deepEqual(whois.queries, ['info', 'en-marche-fr.info', 'en-marche-fr.info']);

    const full = await startWhoisServer({ info: 'whois: whois.nic.info.test\n', 'en-marche-fr.info': ICANN_FORMAT.replace(/Registrar WHOIS Server:.*\n/, '') });
    try {
      const facts = await registrationOf('en-marche-fr.info', { ...net, bootstrap, whois: { port: full.port, rootServer: 'whois.iana.test' } });
      assert.ok(facts.some((f) => f.fact === 'created' && f.value === '2017-04-10T09:15:00.000Z'));
      assert.ok(facts.every((f) => f.source === 'whois:whois.nic.info.test'));
      const missing = await registrationOf('nobody.info', { ...net, bootstrap, whois: { port: full.port, rootServer: 'whois.iana.test' } });
      assert.match(missing[0]?.value ?? '', /^not-found/);
    } finally {
      await full.close();
    }
  } finally {
    await whois.close();
  }
});
