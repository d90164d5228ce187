import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import dc from 'node:diagnostics_channel';
import { guardedGet } from '../../../src/enrich/http/index.js';
import { staticResolver } from '../../../src/enrich/resolve.js';
import { PUBLIC_ONLY } from '../../../src/enrich/guard.js';
import { startHttpServer, type LocalServer } from '../../support/http-server.js';

let server: LocalServer;
let sockets = 0;
const countSocket = (): void => {
  sockets++;
};

before(async () => {
  dc.subscribe('net.client.socket', countSocket);
  server = await startHttpServer({
    '/': { body: '<title>hi</title>', headers: { 'content-type': 'text/html' } },
    '/r1': { status: 302, headers: { location: '/r2' } },
    '/r2': { status: 301, headers: { location: 'http://intranet.example/admin' } },
    '/to-ten': { status: 302, headers: { location: 'http://10.0.0.1/' } },
    '/to-metadata': { status: 307, headers: { location: 'http://[::ffff:169.254.169.254]/latest/meta-data/' } },
    '/loop': { status: 302, headers: { location: '/loop' } },
    '/big': { body: Buffer.alloc(5000, 97) },
    '/hang': () => undefined,
    '/ftp': { status: 302, headers: { location: 'file:///etc/passwd' } },
  });
});
after(async () => {
  dc.unsubscribe('net.client.socket', countSocket);
  await server.close();
});

const deps = {
  resolve: staticResolver({ 'lure.test': ['127.0.0.1'], 'intranet.example': ['192.168.1.10'], 'mixed.test': ['127.0.0.1', '10.1.1.1'] }),
  policy: { allowLoopback: true },
};

test('a page on loopback is fetched when the test switch allows loopback', async () => {
  const r = await guardedGet(`http://lure.test:${server.port}/`, deps);
  assert.ok(r.ok);
  assert.equal(r.status, 200);
  assert.equal(r.body.toString(), '<title>hi</title>');
  assert.equal(r.hops[0]?.address, '127.0.0.1');
  assert.ok(server.seen.includes(`lure.test:${server.port}/`), 'Host header carries the name, not the address');
});

test('without the switch loopback is refused and nothing connects', async () => {
  const before = sockets;
  const r = await guardedGet(`http://lure.test:${server.port}/`, { ...deps, policy: PUBLIC_ONLY });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.kind === 'refused' && /127\.0\.0\.1: loopback/.test(r.message));
  assert.equal(sockets, before);
});

test('a redirect chain ending at a name that resolves to 192.168.x is refused before connecting to it', async () => {
  const before = sockets;
  const r = await guardedGet(`${server.origin}/r1`, deps);
  assert.ok(!r.ok && r.kind === 'refused');
  assert.deepEqual(
    r.hops.map((h) => [h.url, h.status ?? h.refused]),
    [
      [`${server.origin}/r1`, 302],
      [`${server.origin}/r2`, 301],
      ['http://intranet.example/admin', 'refused to connect to 192.168.1.10: private address'],
    ],
  );
  assert.equal(sockets - before, 2, 'one connection per allowed hop, none for the refused one');
});

test('a redirect to http://10.0.0.1/ or to the metadata address in IPv4-mapped form is refused without connecting', async () => {
  for (const [path, address, cls] of [['/to-ten', '10.0.0.1', 'private'], ['/to-metadata', '::ffff:a9fe:a9fe', 'link-local']] as const) {
    const before = sockets;
    const r = await guardedGet(`${server.origin}${path}`, deps);
    assert.ok(!r.ok && r.kind === 'refused', path);
    assert.equal(r.hops.at(-1)?.address, address);
    assert.match(r.hops.at(-1)?.refused ?? '', new RegExp(cls));
    assert.equal(sockets - before, 1, path);
  }
});

test('a name with one private address among its answers is refused', async () => {
  const r = await guardedGet(`http://mixed.test:${server.port}/`, deps);
  assert.ok(!r.ok && r.kind === 'refused' && r.message.includes('10.1.1.1'));
});

test('redirect loops stop at the cap, other schemes are not followed, unknown names have no address', async () => {
  const loop = await guardedGet(`${server.origin}/loop`, deps, { limits: { maxRedirects: 3 } });
  assert.ok(!loop.ok && loop.kind === 'too-many-redirects');
  assert.equal(loop.hops.length, 4);
  const ftp = await guardedGet(`${server.origin}/ftp`, deps);
  assert.ok(!ftp.ok && ftp.kind === 'bad-url');
  const none = await guardedGet('http://nowhere.test/', deps);
  assert.ok(!none.ok && none.kind === 'no-address');
});

test('bodies over the cap are truncated for pages and refused for JSON', async () => {
  const page = await guardedGet(`${server.origin}/big`, deps, { limits: { maxBodyBytes: 1000 } });
  assert.ok(page.ok && page.truncated && page.body.length === 1000);
  const json = await guardedGet(`${server.origin}/big`, deps, { limits: { maxBodyBytes: 1000, overflow: 'fail' } });
  assert.ok(!json.ok && json.kind === 'too-large');
});

test('a server that never answers is given up at the time cap', async () => {
  const r = await guardedGet(`${server.origin}/hang`, deps, { limits: { timeoutMs: 200 } });
  assert.ok(!r.ok && r.kind === 'timeout', JSON.stringify(r));
});

test('URL spellings of loopback and private addresses are refused without a connection', async () => {
  const before = sockets;
  for (const url of ['http://0x7f.1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://[::1]/', 'http://10.0.0.1./', 'http://169.254.169.254/latest/meta-data/']) {
    const r = await guardedGet(url, { ...deps, policy: PUBLIC_ONLY });
    assert.ok(!r.ok && (r.kind === 'refused' || r.kind === 'no-address'), `${url}: ${JSON.stringify(r)}`);
  }
  assert.equal(sockets, before);
});
