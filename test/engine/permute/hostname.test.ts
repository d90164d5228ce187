import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidHostname, splitTarget, toHostname } from '../../../src/engine/permute/index.js';

test('valid hostnames pass', () => {
  for (const ok of ['a.fr', 'en-marche.fr', 'xn--bcher-kva.de', `${'a'.repeat(63)}.com`, '1.2.3.com', 'a-b-c.d-e.com']) {
    assert.ok(isValidHostname(ok), ok);
  }
});

test('invalid hostnames fail: length, characters, hyphens, reserved --, bad punycode, numeric TLD', () => {
  const long = `${'a'.repeat(60)}.`.repeat(5) + 'com';
  for (const bad of ['', 'a..fr', '.a.fr', 'a.fr.', '-a.fr', 'a-.fr', 'A.fr', 'a_b.fr', 'a b.fr', `${'a'.repeat(64)}.com`, long,
    'ab--cd.fr', 'xn--.fr', 'xn--zz-zz9999.fr', '1.2.3.4']) {
    assert.ok(!isValidHostname(bad), bad);
  }
});

test('toHostname maps Unicode through IDNA and refuses what IDNA refuses', () => {
  assert.deepEqual(toHostname('bücher.de'), { ascii: 'xn--bcher-kva.de', display: 'bücher.de' });
  assert.deepEqual(toHostname('xn--bcher-kva.de'), { ascii: 'xn--bcher-kva.de', display: 'bücher.de' });
  assert.equal(toHostname('a\u200Eb.com'), null);
  assert.equal(toHostname('exa mple.com'), null);
});

test('splitTarget cuts at the public suffix, and under an unknown TLD keeps gov/com/… in the suffix', () => {
  assert.deepEqual(splitTarget('www.circl.lu'), { domain: 'www.circl.lu', prefix: 'www.', label: 'circl', suffix: 'lu' });
  assert.deepEqual(splitTarget('brand.gov.uk'), { domain: 'brand.gov.uk', prefix: '', label: 'brand', suffix: 'gov.uk' });
  assert.deepEqual(splitTarget('brand.gov.xx'), { domain: 'brand.gov.xx', prefix: '', label: 'brand', suffix: 'gov.xx' });
  assert.equal(splitTarget('xn--bcher-kva.de')?.label, 'bücher');
  assert.equal(splitTarget('co.uk'), null);
  assert.equal(splitTarget('10.0.0.1'), null);
});
