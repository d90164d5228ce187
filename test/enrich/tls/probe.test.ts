import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { probeTls, tlsFacts } from '../../../src/enrich/tls/index.js';
import { staticResolver } from '../../../src/enrich/resolve.js';
import { PUBLIC_ONLY } from '../../../src/enrich/guard.js';
import { makeTestCerts, type TestCerts } from '../../support/tls-certs.js';

let certs: TestCerts;
let server: tls.Server;
let port = 0;
const sniSeen: string[] = [];

before(async () => {
  certs = await makeTestCerts();
  const contexts: Record<string, tls.SecureContext> = {
    'lure.test': tls.createSecureContext(certs.valid),
    'expired.test': tls.createSecureContext(certs.expired),
    'self.test': tls.createSecureContext(certs.selfSigned),
  };
  server = tls.createServer({
    ...certs.valid,
    SNICallback: (name, cb) => {
      sniSeen.push(name);
      cb(null, contexts[name] ?? contexts['lure.test']);
    },
  });
  server.on('secureConnection', (s) => s.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await certs.cleanup();
});

const deps = () => ({
  resolve: staticResolver({ 'lure.test': ['127.0.0.1'], 'expired.test': ['127.0.0.1'], 'self.test': ['127.0.0.1'], 'inside.test': ['10.9.9.9'] }),
  policy: { allowLoopback: true },
  port,
  ca: certs.ca,
});

test('a chain to the test CA validates, and leaf and chain are read in full', async () => {
  const r = await probeTls('lure.test', deps());
  assert.ok(r.ok, r.ok ? '' : r.message);
  assert.equal(r.authorized, true);
  assert.equal(r.validationError, undefined);
  assert.ok(sniSeen.includes('lure.test'), 'SNI carries the name');
  const [leaf, ca] = r.chain;
  const x = new X509Certificate(certs.valid.cert);
  assert.equal(leaf?.subject, 'CN=lure.test');
  assert.equal(leaf?.issuer, 'O=squatwatch tests, CN=squatwatch test CA');
  assert.deepEqual(leaf?.sans, ['lure.test', 'www.lure.test']);
  assert.equal(leaf?.sha256, x.fingerprint256.replace(/:/g, '').toLowerCase());
  assert.equal(leaf?.serial, x.serialNumber);
  assert.equal(leaf?.selfSigned, false);
  assert.equal(ca?.subject, 'O=squatwatch tests, CN=squatwatch test CA');
  assert.equal(ca?.selfSigned, true);
});

test('without the test CA the same chain is still read, with its validation error recorded', async () => {
  const r = await probeTls('lure.test', { ...deps(), ca: undefined });
  assert.ok(r.ok);
  assert.equal(r.authorized, false);
  assert.match(r.validationError ?? '', /UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN/);
});

test('an expired certificate is read and its expiry recorded, not refused', async () => {
  const r = await probeTls('expired.test', deps());
  assert.ok(r.ok);
  assert.equal(r.validationError, 'CERT_HAS_EXPIRED');
  assert.equal(r.chain[0]?.notBefore, '2020-01-01T00:00:00.000Z');
  assert.equal(r.chain[0]?.notAfter, '2020-02-01T00:00:00.000Z');
  const facts = tlsFacts(r, '2026-01-01T00:00:00.000Z');
  assert.ok(facts.some((f) => f.fact === 'tls_validation' && f.value === 'CERT_HAS_EXPIRED'));
  assert.ok(facts.every((f) => f.subject === 'expired.test' && f.source === 'tls'));
});

test('a self-signed certificate is read and said to be self-signed', async () => {
  const r = await probeTls('self.test', deps());
  assert.ok(r.ok);
  assert.equal(r.validationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  assert.equal(r.chain.length, 1);
  assert.equal(r.chain[0]?.selfSigned, true);
  assert.ok(tlsFacts(r, 'x').some((f) => f.fact === 'tls_self_signed' && f.value === 'true'));
});

test('private and (by default) loopback addresses are refused before connecting', async () => {
  const inside = await probeTls('inside.test', deps());
  assert.ok(!inside.ok && inside.kind === 'refused' && inside.message.includes('10.9.9.9'));
  const loop = await probeTls('lure.test', { ...deps(), policy: PUBLIC_ONLY });
  assert.ok(!loop.ok && loop.kind === 'refused');
  assert.equal(tlsFacts(loop, 'x')[0]?.fact, 'tls_error');
});
