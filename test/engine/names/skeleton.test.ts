import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { skeleton, CONFUSABLE_COUNT, scriptsOf } from '../../../src/engine/index.js';
import { SkeletonBuffer, skeletonInto } from '../../../src/engine/names/index.js';

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

test('skeletonInto appends codes with the index each came from, growing a small buffer, across ASCII and Unicode', () => {
  const buf = new SkeletonBuffer(1);
  skeletonInto('xMd', 1, 3, buf);
  skeletonInto('wаm', 0, 3, buf); // Cyrillic а in the middle
  // Upper case is only lower-cased (names reach here lower-cased already): `M` is `m`, not `rn`.
  assert.equal(buf.toString(), 'mclvvarn');
  assert.deepEqual([...buf.origin.subarray(0, buf.length)], [1, 2, 2, 0, 0, 1, 2, 2]);
});

test('property: skeletonInto gives, code by code, the skeleton of each character in turn', () => {
  const text = fc.array(fc.constantFrom('a', 'm', 'w', 'd', '0', '1', 'Q', '-', '.', 'а', 'ο', 'é', 'ӏ', '𝐚'), { maxLength: 40 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(text, (s) => {
      const buf = new SkeletonBuffer(4);
      skeletonInto(s, 0, s.length, buf);
      let want = '';
      const origins: number[] = [];
      for (let i = 0; i < s.length; ) {
        const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
        const piece = skeleton(ch);
        want += piece;
        for (let k = 0; k < piece.length; k++) origins.push(i);
        i += ch.length;
      }
      assert.equal(buf.toString(), want);
      assert.deepEqual([...buf.origin.subarray(0, buf.length)], origins);
    }),
    { numRuns: 1000 },
  );
});
