import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { classifyAddress, checkAddress, firstRefusal, parseIPv6, type AddressClass } from '../../src/enrich/guard.js';

const TABLE: ReadonlyArray<readonly [string, AddressClass]> = [
  // IPv4 public, including neighbours of every special block
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['1.0.0.0', 'public'],
  ['9.255.255.255', 'public'],
  ['11.0.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['126.255.255.255', 'public'],
  ['128.0.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['169.255.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['192.0.1.0', 'public'],
  ['192.0.3.0', 'public'],
  ['192.167.255.255', 'public'],
  ['192.169.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.20.0.0', 'public'],
  ['198.51.99.255', 'public'],
  ['198.51.101.0', 'public'],
  ['203.0.112.255', 'public'],
  ['203.0.114.0', 'public'],
  ['223.255.255.255', 'public'],
  // IPv4 special
  ['0.0.0.0', 'unspecified'],
  ['0.255.255.255', 'unspecified'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['100.64.0.0', 'shared'],
  ['100.127.255.255', 'shared'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['172.16.0.0', 'private'],
  ['172.31.255.255', 'private'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'documentation'],
  ['192.88.99.1', 'reserved'],
  ['192.168.1.1', 'private'],
  ['198.18.0.0', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.200', 'documentation'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.255', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // IPv4 text forms that some parsers read as loopback: refused as invalid
  ['0x7f.0.0.1', 'invalid'],
  ['0177.0.0.1', 'invalid'],
  ['127.1', 'invalid'],
  ['2130706433', 'invalid'],
  ['127.0.0.1 ', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['', 'invalid'],
  ['localhost', 'invalid'],
  // IPv6 public
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4007:80e::200e', 'public'],
  ['2001:4860::8888', 'public'],
  ['[2606:4700::1]', 'public'],
  // IPv6 special
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fe80::1', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['ff0e::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'documentation'],
  ['3fff::1', 'documentation'],
  ['2001:2::1', 'benchmarking'],
  ['2001::1', 'translation'],
  ['2001:10::1', 'reserved'],
  ['100::1', 'reserved'],
  ['::2', 'reserved'],
  ['::7f00:1', 'reserved'],
  ['1::', 'reserved'],
  ['4000::1', 'reserved'],
  ['fe00::1', 'reserved'],
  // IPv4 embedded in IPv6 is judged by the IPv4 address
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:8.8.8.8', 'public'],
  ['::FFFF:C0A8:0101', 'private'],
  ['64:ff9b::10.0.0.1', 'private'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['64:ff9b:1::8.8.8.8', 'private'],
  ['2002:c0a8:0101::1', 'private'],
  ['2002:0808:0808::1', 'public'],
  // IPv6 text that must not parse
  ['fe80::1%eth0', 'invalid'],
  ['1:2:3:4:5:6:7:8:9', 'invalid'],
  ['1::2::3', 'invalid'],
  ['12345::', 'invalid'],
  ['::ffff:1.2.3', 'invalid'],
  ['1:2:3:4:5:6:7::8', 'invalid'],
  ['g::1', 'invalid'],
];

for (const [address, want] of TABLE) {
  test(`${JSON.stringify(address)} is classified ${want}`, () => {
    assert.equal(classifyAddress(address), want);
  });
}

test('only public addresses pass by default, with a reason naming the address and its class', () => {
  assert.deepEqual(checkAddress('8.8.8.8'), { ok: true, address: '8.8.8.8' });
  const v = checkAddress('10.0.0.1');
  assert.equal(v.ok, false);
  assert.ok(!v.ok && v.reason.includes('10.0.0.1') && v.class === 'private');
  assert.equal(checkAddress('127.0.0.1').ok, false);
});

test('the test-only loopback switch admits loopback and nothing else', () => {
  const tests = { allowLoopback: true };
  for (const a of ['127.0.0.1', '127.3.4.5', '::1', '::ffff:127.0.0.1']) assert.equal(checkAddress(a, tests).ok, true, a);
  for (const a of ['10.0.0.1', '192.168.0.1', '169.254.169.254', '0.0.0.0', '::', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1']) {
    assert.equal(checkAddress(a, tests).ok, false, a);
  }
});

test('one private address refuses a whole DNS answer', () => {
  assert.equal(firstRefusal(['8.8.8.8', '1.1.1.1']), undefined);
  assert.equal(firstRefusal(['8.8.8.8', '192.168.3.4'])?.address, '192.168.3.4');
});

const hex4 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));

test('every IPv6 text node accepts is parsed, and what the guard parses node accepts too', () => {
  fc.assert(
    fc.property(fc.array(hex4, { minLength: 8, maxLength: 8 }), fc.nat(7), fc.nat(8), (groups, from, len) => {
      const full = groups.join(':');
      assert.ok(parseIPv6(full) !== null, full);
      // compress a run of groups into '::'
      const to = Math.min(8, from + Math.max(1, len));
      const short = `${groups.slice(0, from).join(':')}::${groups.slice(to).join(':')}`;
      const parsed = parseIPv6(short);
      assert.equal(parsed !== null, isIP(short) === 6, short);
    }),
  );
});

test('random IPv4 addresses are public exactly when outside the special blocks', () => {
  fc.assert(
    fc.property(fc.ipV4(), (ip) => {
      const cls = classifyAddress(ip);
      assert.notEqual(cls, 'invalid');
      const [a = 0, b = 0] = ip.split('.').map(Number);
      if (a === 10 || a === 127 || a >= 224 || a === 0) assert.notEqual(cls, 'public', ip);
      if (a === 172 && b >= 16 && b <= 31) assert.equal(cls, 'private', ip);
      // the mapped form agrees with the plain form
      assert.equal(classifyAddress(`::ffff:${ip}`), cls, ip);
    }),
  );
});
