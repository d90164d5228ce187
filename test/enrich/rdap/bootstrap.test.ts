import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBootstrap, parseBootstrap, serverForAsn, serverForDomain, serverForIp, type Bootstrap } from '../../../src/enrich/rdap/index.js';

async function shipped(kind: 'dns' | 'ipv4' | 'ipv6' | 'asn'): Promise<Bootstrap> {
  const r = await loadBootstrap(kind);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.bootstrap;
}

test('the shipped dns bootstrap names the registry server of a TLD, https preferred, no trailing slash', async () => {
  const dns = await shipped('dns');
  assert.equal(serverForDomain(dns, 'example.cz'), 'https://rdap.nic.cz');
  assert.equal(serverForDomain(dns, 'WWW.Example.CZ.'), 'https://rdap.nic.cz');
  assert.equal(serverForDomain(dns, 'exemplo.com.br'), 'https://rdap.registro.br');
  assert.equal(serverForDomain(dns, 'en-marche.fr'), undefined);
});

test('a longer suffix entry wins over its TLD', () => {
  const r = parseBootstrap('dns', { services: [[['uk'], ['https://uk.example/']], [['co.uk'], ['https://co.example/']]] }, 'test');
  assert.ok(r.ok);
  assert.equal(serverForDomain(r.bootstrap, 'shop.co.uk'), 'https://co.example');
  assert.equal(serverForDomain(r.bootstrap, 'shop.uk'), 'https://uk.example');
});

test('the address and ASN bootstraps name the RIR', async () => {
  const v4 = await shipped('ipv4');
  assert.equal(serverForIp(v4, '41.203.1.1'), 'https://rdap.afrinic.net/rdap');
  assert.equal(serverForIp(v4, '1.1.1.1'), 'https://rdap.apnic.net');
  assert.equal(serverForIp(v4, '5.6.7.8'), 'https://rdap.db.ripe.net');
  assert.equal(serverForIp(v4, 'not-an-ip'), undefined);
  const v6 = await shipped('ipv6');
  assert.equal(serverForIp(v6, '2001:4200::1'), 'https://rdap.afrinic.net/rdap');
  assert.equal(serverForIp(v6, '2400:cb00::1'), 'https://rdap.apnic.net');
  const asn = await shipped('asn');
  assert.equal(serverForAsn(asn, 1230), 'https://rdap.afrinic.net/rdap');
  assert.equal(serverForAsn(asn, 7), 'https://rdap.db.ripe.net');
  assert.equal(serverForAsn(asn, 20), 'https://rdap.arin.net/registry');
});

test('a malformed bootstrap is refused with a message naming the place', async () => {
  const bad = parseBootstrap('dns', { services: [[['cz'], 'https://x']] }, 'dns.json');
  assert.ok(!bad.ok && bad.message === 'dns.json: services[0] is not [[entries], [urls]]');
  assert.ok(!parseBootstrap('dns', [], 'x').ok);
  const missing = await loadBootstrap('dns', '/nonexistent/dir');
  assert.ok(!missing.ok && missing.message.includes('/nonexistent/dir/dns.json'));
});
