import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServer, soaMailbox } from '../../../src/enrich/dns/index.js';

test('resolver addresses: IP, IP:PORT, [IPv6]:PORT; anything else is refused with a reason', () => {
  assert.deepEqual(parseServer('127.0.0.1:5353'), { ok: true, server: '127.0.0.1:5353' });
  assert.deepEqual(parseServer('9.9.9.9'), { ok: true, server: '9.9.9.9' });
  assert.deepEqual(parseServer('[::1]:53'), { ok: true, server: '[::1]:53' });
  assert.deepEqual(parseServer('2001:db8::1'), { ok: true, server: '2001:db8::1' });
  for (const bad of ['dns.google', '127.0.0.1:0', '127.0.0.1:70000', '', '1.2.3.4:x']) {
    const r = parseServer(bad);
    assert.ok(!r.ok && r.error.includes(`'${bad}'`), bad);
  }
});

test('the SOA contact becomes a mail address at its first unescaped dot', () => {
  assert.equal(soaMailbox('hostmaster.example.com.'), 'hostmaster@example.com');
  assert.equal(soaMailbox('john\\.doe.example.com'), 'john.doe@example.com');
  assert.equal(soaMailbox('root'), '');
});
