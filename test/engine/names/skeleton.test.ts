import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { skeleton, CONFUSABLE_COUNT, scriptsOf } from '../../../src/engine/index.js';

test('look-alikes share a skeleton: digits, rn/m, vv/w, cl/d, Cyrillic and Greek letters, diacritics', () => {
  const same: [string, string][] = [
    ['micr0soft', 'microsoft'],
    ['paypa1', 'paypal'],
    ['en-rnarche', 'en-marche'],
    ['vvikipedia', 'wikipedia'],
    ['clropbox', 'dropbox'],
    ['аpple', 'apple'], // Cyrillic а
    ['gοοgle', 'google'], // Greek ο
    ['ӏinkedin', 'linkedin'], // Cyrillic palochka, which Unicode 13 data maps to i
    ['en-marché', 'en-marche'],
    ['loqin', 'login'],
  ];
  for (const [a, b] of same) assert.equal(skeleton(a), skeleton(b), `${a} ~ ${b}`);
});

test('different words keep different skeletons', () => {
  for (const [a, b] of [['apple', 'apply'], ['google', 'goggle'], ['marche', 'march']] as const) assert.notEqual(skeleton(a), skeleton(b), `${a} vs ${b}`);
});

test('the Unicode confusables data is loaded (thousands of entries)', () => {
  assert.ok(CONFUSABLE_COUNT > 5000, String(CONFUSABLE_COUNT));
});

test('property: a skeleton is idempotent on ASCII letters and digits', () => {
  fc.assert(fc.property(fc.stringMatching(/^[a-z0-9-]{0,30}$/), (s) => skeleton(skeleton(s)) === skeleton(s)), { numRuns: 2000 });
});

test('mixed scripts are named', () => {
  assert.deepEqual(scriptsOf('аpple'), ['Cyrillic', 'Latin']);
  assert.deepEqual(scriptsOf('apple-2'), ['Latin']);
});
