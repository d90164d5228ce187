import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { summarisePage, shinglesOf, similarity, decodeEntities } from '../../../src/enrich/web/index.js';
import { BRAND_LOGIN, KIT_LOGIN, PARKED } from '../../support/http-pages.js';

test("a kit's login page: title decoded, password form found, the real form action resolved, script and comment ignored", () => {
  const p = summarisePage(KIT_LOGIN, 'https://en-marche-fr.test/');
  assert.equal(p.title, 'En Marche ! – Connexion & sécurité');
  assert.equal(p.passwordForm, true);
  assert.deepEqual(p.formActions, ['https://collect.lure-drop.test/gate.php?u=1']);
  assert.equal(p.faviconUrl, 'https://en-marche-fr.test/assets/fav.png');
  assert.ok(!p.text.includes('document.write'));
});

test('a page without a password field or icon link says so, and the icon defaults to /favicon.ico', () => {
  const p = summarisePage(PARKED, 'http://lure.test/x/y');
  assert.equal(p.passwordForm, false);
  assert.deepEqual(p.formActions, []);
  assert.equal(p.faviconUrl, 'http://lure.test/favicon.ico');
});

test('a copy of the brand page scores high, an unrelated page low, a page against itself 1', () => {
  const brand = shinglesOf(summarisePage(BRAND_LOGIN, 'https://en-marche.fr/'));
  const kit = shinglesOf(summarisePage(KIT_LOGIN, 'https://x.test/'));
  const parked = shinglesOf(summarisePage(PARKED, 'https://x.test/'));
  assert.equal(similarity(brand, brand), 1);
  const copy = similarity(brand, kit);
  const other = similarity(brand, parked);
  console.log(`similarity: kit ${copy}, parked ${other}`);
  assert.ok(copy > 0.5, `kit ${copy}`);
  assert.ok(other < 0.1, `parked ${other}`);
});

test('entities decode, bad code points stay as written, long titles are capped', () => {
  assert.equal(decodeEntities('&lt;b&gt; &#65;&#x42; &bogus; &#99999999;'), '<b> AB &bogus; &#99999999;');
  assert.equal(summarisePage(`<title>${'a'.repeat(5000)}</title>`, 'http://x.test/').title?.length, 500);
});

test('any markup at all is summarised without throwing', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (s) => {
      const p = summarisePage(`<form action="${s}"><input type=password>${s}<title>${s}`, 'http://x.test/');
      assert.equal(typeof p.passwordForm, 'boolean');
    }),
  );
});
