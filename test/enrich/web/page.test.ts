import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import { visitPage, pageFacts, brandReference } from '../../../src/enrich/web/index.js';
import { staticResolver } from '../../../src/enrich/resolve.js';
import { startHttpServer, type LocalServer } from '../../support/http-server.js';
import { makeTestCerts, type TestCerts } from '../../support/tls-certs.js';
import { BRAND_ICON, BRAND_LOGIN, KIT_LOGIN, PARKED } from '../../support/http-pages.js';

let plain: LocalServer;
let secure: LocalServer;
let certs: TestCerts;
let sockets = 0;
const count = (): void => {
  sockets++;
};

const html = { 'content-type': 'text/html; charset=utf-8' };

before(async () => {
  dc.subscribe('http.client.request.start', count);
  certs = await makeTestCerts();
  const routes = {
    'lure.test/': { headers: html, body: KIT_LOGIN },
    'lure.test/assets/fav.png': { headers: { 'content-type': 'image/png' }, body: BRAND_ICON },
    'parked.test/': { headers: html, body: PARKED },
    'hop.test/': { status: 301, headers: { location: '/next' } },
    'hop.test/next': { status: 302, headers: { location: 'http://10.0.0.1/admin' } },
    'rebind.test/': { status: 302, headers: { location: 'http://corp.test/' } },
  };
  secure = await startHttpServer(routes, certs.valid);
  plain = await startHttpServer({ ...routes, 'lure.test/': { status: 301, headers: { location: 'https://lure.test/' } } });
});
after(async () => {
  dc.unsubscribe('http.client.request.start', count);
  await secure.close();
  await plain.close();
  await certs.cleanup();
});

const deps = () => {
  const local = ['127.0.0.1'];
  return {
    resolve: staticResolver({ 'lure.test': local, 'cdn.lure.test': local, 'parked.test': local, 'hop.test': local, 'rebind.test': local, 'corp.test': ['192.168.7.7'] }),
    policy: { allowLoopback: true },
    ca: certs.ca,
    ports: { http: plain.port, https: secure.port },
    references: [brandReference('En Marche', BRAND_LOGIN, createHash('sha256').update(BRAND_ICON).digest('hex'))],
  };
};

test('a login-page imitation is read: title, password form, form target, brand favicon and similarity', async () => {
  const d = deps();
  const v = await visitPage('lure.test', d);
  assert.ok(v.ok, v.ok ? '' : v.message);
  assert.equal(v.status, 200);
  assert.equal(v.finalUrl, `https://lure.test:${secure.port}/`);
  const facts = pageFacts(v, '2026-11-25T00:00:00.000Z', d.references);
  const got = (f: string) => facts.filter((x) => x.fact === f).map((x) => x.value);
  assert.deepEqual(got('password_form'), ['true']);
  assert.deepEqual(got('form_action'), ['https://collect.lure-drop.test/gate.php?u=1']);
  assert.deepEqual(got('title'), ['En Marche ! – Connexion & sécurité']);
  assert.deepEqual(got('brand_favicon'), ['En Marche']);
  const [score] = got('brand_similarity');
  assert.match(score ?? '', /^En Marche=0\.\d+$/);
  assert.ok(Number(score?.split('=')[1]) > 0.5);
  assert.ok(facts.every((f) => f.subject === 'lure.test' && f.source === 'web'));
});

test('a parked page has no password form and little similarity', async () => {
  const v = await visitPage('parked.test', deps());
  assert.ok(v.ok);
  assert.equal(v.page.passwordForm, false);
  assert.ok((v.similarity[0]?.score ?? 1) < 0.1);
});

test('a redirect chain towards http://10.0.0.1/ is refused at that hop, without connecting to it', async () => {
  const before = sockets;
  const v = await visitPage('hop.test', deps());
  assert.ok(!v.ok && v.kind === 'refused');
  assert.deepEqual(v.hops.map((h) => h.status ?? h.refused), [301, 302, 'refused to connect to 10.0.0.1: private address']);
  assert.equal(sockets - before, 2, 'two requests made (https), none for the refused hop');
  const facts = pageFacts(v, 'now');
  assert.ok(facts.some((f) => f.fact === 'refused' && f.value.startsWith('http://10.0.0.1/admin')));
});

test('a redirect to a name that resolves to 192.168.x is refused without connecting', async () => {
  const before = sockets;
  const v = await visitPage('rebind.test', deps());
  assert.ok(!v.ok && v.kind === 'refused' && v.message.includes('192.168.7.7'));
  assert.equal(sockets - before, 1);
  assert.ok(!secure.seen.some((s) => s.startsWith('corp.test')) && !plain.seen.some((s) => s.startsWith('corp.test')));
});
