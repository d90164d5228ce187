import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../support/cli.js';

test('permute prints one variant a line with technique and fuzzer, tab-separated', async () => {
  const c = captureIO();
  assert.equal(await main(['permute', 'en-marche.fr'], c.io), 0);
  const lines = c.out().trim().split('\n');
  assert.ok(lines.length > 1000, `${lines.length} lines`);
  assert.ok(lines.includes('en-rnarche.fr\thomoglyph\tascii-homoglyph'));
  assert.ok(lines.includes('en-marche.co\ttld-swap\ttld-swap'));
  assert.ok(lines.includes('xn--en-mrche-46g.fr\tidn\tidn-homoglyph\ten-m\u0430rche.fr'), 'Cyrillic a, punycode then Unicode');
  assert.match(c.err(), /^\d+ variants of en-marche\.fr\n$/);
});

test('permute --format jsonl --families filters and writes objects', async () => {
  const c = captureIO();
  assert.equal(await main(['permute', 'circl.lu', '--format', 'jsonl', '--families', 'omission,bitsquat'], c.io), 0);
  const rows = c.out().trim().split('\n').map((l) => JSON.parse(l) as { domain: string; fuzzer: string; technique: string; display: string });
  assert.deepEqual(new Set(rows.map((r) => r.fuzzer)), new Set(['omission', 'bitsquat']));
  assert.ok(rows.some((r) => r.domain === 'circ.lu' && r.technique === 'typo' && r.display === 'circ.lu'));
});

test('permute refuses a bad domain, an unknown family and a bad format with exit 2', async () => {
  for (const args of [['co.uk'], ['circl.lu', '--families', 'typo,nope'], ['circl.lu', '--format', 'xml'], [], ['a.fr', 'b.fr']]) {
    const c = captureIO();
    assert.equal(await main(['permute', ...args], c.io), 2, args.join(' '));
    assert.match(c.err(), /squatwatch permute: /);
    assert.equal(c.out(), '');
  }
  const c = captureIO();
  await main(['permute', 'circl.lu', '--families', 'typo,nope'], c.io);
  assert.match(c.err(), /unknown families: nope/);
});
