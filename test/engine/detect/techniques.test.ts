import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brand, matcherFor } from '../../support/matcher.js';

const m = matcherFor([
  brand('En Marche', ['en-marche.fr'], ['macron']),
  brand('Microsoft', ['microsoft.com', 'office.com', 'onedrive.com', 'live.com']),
  brand('Ministry', ['mfa.gov.af']),
  brand('PayPal', ['paypal.com']),
]);

function only(name: string, brandName: string): { techniques: readonly string[]; reasons: readonly string[]; score: number } {
  const hit = m.match(name).find((h) => h.brand === brandName);
  assert.ok(hit, `${name} should be caught for ${brandName}; got ${JSON.stringify(m.match(name))}`);
  return hit;
}

test('typo: one slip of a long label, with the slip named', () => {
  const h = only('microsfot.com', 'Microsoft');
  assert.deepEqual(h.techniques, ['typo']);
  assert.match(h.reasons.join(), /`of` swapped to `fo`/);
  assert.match(only('micosoft.com', 'Microsoft').reasons.join(), /`r` left out/);
  assert.match(only('microsoftt.com', 'Microsoft').reasons.join(), /`t` doubled/);
  assert.match(only('mivrosoft.com', 'Microsoft').reasons.join(), /`v` for `c` \(next key\)/);
});

test('typo: two edits are allowed for long labels only', () => {
  only('mircosoftt.com', 'Microsoft');
  assert.equal(m.match('paypla1.com').filter((h) => h.techniques.includes('typo')).length, 0);
});

test('homoglyph: digits for letters, rn for m, and an IDN with Cyrillic letters', () => {
  assert.match(only('micr0soft.com', 'Microsoft').reasons.join(), /`0` stands for `o`/);
  assert.match(only('micr05of7.com', 'Microsoft').reasons.join(), /`5` stands for `s`.*`7` stands for `t`/);
  assert.match(only('en-rnarche.fr', 'En Marche').reasons.join(), /`rn` stands for `m`/);
  const idn = only('xn--pypal-4ve.com', 'PayPal');
  assert.deepEqual(idn.techniques, ['homoglyph', 'idn']);
  assert.match(idn.reasons.join(), /mixes Cyrillic and Latin|mixes Latin and Cyrillic/);
  assert.ok(idn.score >= 0.9);
});

test('leet digits stand for letters one way only: a digit in the name for a letter of the brand', () => {
  const digits = matcherFor([brand('4dex', ['4dex.io']), brand('Amazon', ['amazon.com'])]);
  assert.deepEqual(digits.match('adex.com'), []);
  assert.deepEqual(digits.match('4m4z0n.com').map((h) => [h.brand, h.techniques]), [['Amazon', ['homoglyph']]]);
  assert.deepEqual(digits.match('amazon.com'), [], 'the brand itself');
});

test('combosquat: the brand beside keywords, and everyday-word brand tokens only with keywords', () => {
  const h = only('mail-en-marche.fr', 'En Marche');
  assert.deepEqual(h.techniques, ['combo']);
  assert.match(h.reasons.join(), /keyword `mail`/);
  only('accounts-office.fr', 'Microsoft');
  only('paypal-loqin-secure.com', 'PayPal');
  only('emmanuel-macron-login.com', 'En Marche');
  assert.equal(m.match('officedepot.com').length, 0, 'an everyday word inside another word is not the brand');
  assert.equal(m.match('olivegarden.com').length, 0);
});

test('combosquat with a typo of the brand inside: mail-en-march.fr', () => {
  const h = only('mail-en-march.fr', 'En Marche');
  assert.ok(h.techniques.includes('combo') && h.techniques.includes('typo'), h.techniques.join());
});

test('tld swap: the same label under another suffix', () => {
  const h = only('en-marche.co', 'En Marche');
  assert.deepEqual(h.techniques, ['tld-swap']);
  assert.match(h.reasons.join(), /under \.co instead of \.fr/);
  assert.equal(m.match('office.fr').length, 0, 'an everyday word under another suffix is mostly honest');
});

test('bitsquat: one bit flipped', () => {
  const h = only('microsmft.com', 'Microsoft');
  assert.deepEqual(h.techniques, ['bitsquat']);
  assert.match(h.reasons.join(), /one bit flipped/);
});

test('hyphenation and dot insertion', () => {
  assert.deepEqual(only('enmarche.fr', 'En Marche').techniques, ['hyphenation']);
  assert.deepEqual(only('micro-soft.com', 'Microsoft').techniques, ['hyphenation']);
  assert.deepEqual(only('micro.soft.com', 'Microsoft').techniques, ['dot-insertion']);
});

test('levelsquat: the brand domain in front of another domain, or flattened into a label', () => {
  assert.deepEqual(only('en-marche.fr.secure-login.com', 'En Marche').techniques, ['levelsquat']);
  assert.ok(only('paypal.com-account-verify.net', 'PayPal').techniques.includes('levelsquat'));
  assert.ok(only('mfa-gov-af.com', 'Ministry').techniques.includes('levelsquat'));
  assert.ok(only('mfagovaf.org', 'Ministry').techniques.includes('levelsquat'));
});

test('subdomain and split labels', () => {
  assert.deepEqual(only('paypal.login-secure-account.com', 'PayPal').techniques, ['subdomain']);
  // On free hosting the brand and its keywords often share one label: a part between hyphens counts as a word.
  assert.deepEqual(only('secure-paypal-login.weebly.com', 'PayPal').techniques, ['subdomain']);
  assert.deepEqual(m.match('securepaypallogin.example.com'), [], 'inside a longer word, under the threshold');
  assert.deepEqual(only('en.marche-secure.com', 'En Marche').techniques, ['split-labels']);
});

test("a brand's own domains, their subdomains and its allowlist never alert", () => {
  const own = matcherFor([brand('En Marche', ['en-marche.fr'], [], ['enmarche.fr'])]);
  for (const n of ['en-marche.fr', 'mail.en-marche.fr', 'enmarche.fr', 'www.enmarche.fr']) assert.deepEqual(own.match(n), [], n);
  assert.equal(own.match('en-marche.co').length, 1);
});

test('the score is in [0,1], and the threshold filters', () => {
  const strict = matcherFor([brand('Microsoft', ['microsoft.com'])], 0.95);
  assert.equal(strict.match('microsoft-login.com').length, 0);
  const lax = matcherFor([brand('Microsoft', ['microsoft.com'])], 0.1);
  const h = lax.match('microsoft-login.com')[0];
  assert.ok(h && h.score > 0 && h.score <= 1);
});
