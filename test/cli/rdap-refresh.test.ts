import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRdapRefresh } from '../../src/cli/rdap-refresh.js';
import { bootstrapDirFor, loadBootstrap, SHIPPED_BOOTSTRAP_DIR, staticResolver } from '../../src/enrich/index.js';
import { captureIO } from '../support/cli.js';
import { startHttpServer } from '../support/http-server.js';

const shipped = (kind: string): Buffer => readFileSync(new URL(`${kind}.json`, SHIPPED_BOOTSTRAP_DIR));

test('rdap-refresh keeps the files that download and check out, names the others with the reason, and keeps their old copy', async () => {
  // A local stand-in for data.iana.org: the real recorded dns.json and asn.json, a broken ipv4.json, no ipv6.json.
  const server = await startHttpServer({
    '/rdap/dns.json': { headers: { 'content-type': 'application/json' }, body: shipped('dns') },
    '/rdap/asn.json': { headers: { 'content-type': 'application/json' }, body: shipped('asn') },
    '/rdap/ipv4.json': { headers: { 'content-type': 'application/json' }, body: '{"services": ' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sw-rdap-'));
  try {
    writeFileSync(join(dir, 'ipv6.json'), 'the old copy');
    const c = captureIO();
    const deps = { resolve: staticResolver({}), policy: { allowLoopback: true } };
    const code = await runRdapRefresh(['--dir', dir], c.io, { deps, base: `${server.origin}/rdap/` });
    assert.equal(code, 2, 'one failure or more is exit 2');
    assert.match(c.out(), /^dns: \d+ services, published .+ -> .+dns\.json$/m);
    assert.match(c.out(), /^asn: \d+ services/m);
    assert.match(c.err(), /ipv4: .*ipv4\.json: not JSON/);
    assert.match(c.err(), /ipv6: .*ipv6\.json: HTTP 404; the copy already there is kept/);
    assert.deepEqual(readFileSync(join(dir, 'dns.json')), shipped('dns'));
    assert.equal(readFileSync(join(dir, 'ipv6.json'), 'utf8'), 'the old copy');
    const loaded = await loadBootstrap('dns', dir);
    assert.ok(loaded.ok && loaded.bootstrap.services.length > 0);
    // enrich and watch read the refreshed copy when there is one, the shipped one otherwise.
    assert.equal(bootstrapDirFor('dns', { SQUATWATCH_RDAP_DIR: dir }), dir);
    assert.equal(bootstrapDirFor('ipv4', { SQUATWATCH_RDAP_DIR: dir }), SHIPPED_BOOTSTRAP_DIR);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('rdap-refresh refuses an unknown kind before fetching anything', async () => {
  const c = captureIO();
  const code = await runRdapRefresh(['--kind', 'dns', '--kind', 'tld'], c.io, { deps: { resolve: staticResolver({}), policy: { allowLoopback: true } }, base: 'http://127.0.0.1:9/' });
  assert.equal(code, 2);
  assert.match(c.err(), /--kind tld: not one of dns, ipv4, ipv6, asn/);
});
