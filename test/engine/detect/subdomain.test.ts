import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTargets } from '../../../src/engine/brands/target.js';
import { readRest } from '../../../src/engine/detect/combo-rest.js';
import { KeywordSet } from '../../../src/engine/detect/keywords.js';
import { detectSubdomainWord, SubdomainWordReasons, subdomainWordOf } from '../../../src/engine/detect/subdomain.js';
import { SubdomainRest } from '../../../src/engine/detect/subdomain-rest.js';

const keywords = new KeywordSet(['secure', 'login', 'mail', 'www']);
const [paypal] = buildTargets([{ name: 'PayPal', domains: ['paypal.com'], keywords: [], allowlist: [] }], new Set());

test('a brand word read lazily scores and reads as the eager one, even when its reasons are read after the next name', () => {
  assert.ok(paypal);
  const rest = new SubdomainRest(keywords);
  for (const [sub, a, b, label] of [
    ['secure.paypal.x', 7, 13, 'login-check'],
    ['paypal', 0, 6, 'example'],
    ['mypaypalwww', 2, 8, 'shop'],
  ] as const) {
    keywords.forget();
    rest.reset(sub, label);
    const beside = readRest([sub.slice(0, a), sub.slice(b), label], keywords).keywords;
    const eager = detectSubdomainWord(sub, a, b, label, 'net', paypal, beside);
    const any = rest.anyBeside(a, b);
    const lazy = subdomainWordOf(paypal, new SubdomainWordReasons(sub, a, b, label, 'net', paypal, rest, any));
    rest.reset('mail.other', 'thing');
    assert.equal(lazy?.score, eager?.score, sub);
    assert.deepEqual(lazy?.techniques, eager?.techniques, sub);
    assert.deepEqual(lazy?.reasons, eager?.reasons, sub);
  }
});

test('one holder serves every domain of the label: each detection its own target, the score and reasons the same', () => {
  const [com, de] = buildTargets([{ name: 'PayPal', domains: ['paypal.com', 'paypal.de'], keywords: [], allowlist: [] }], new Set());
  assert.ok(com && de);
  const rest = new SubdomainRest(keywords);
  keywords.forget();
  rest.reset('secure.paypal.x', 'login-check');
  const why = new SubdomainWordReasons('secure.paypal.x', 7, 13, 'login-check', 'net', com, rest, rest.anyBeside(7, 13));
  const [a, b] = [subdomainWordOf(com, why), subdomainWordOf(de, why)];
  assert.equal(a?.target, com);
  assert.equal(b?.target, de);
  assert.equal(a?.score, detectSubdomainWord('secure.paypal.x', 7, 13, 'login-check', 'net', de, ['secure', 'login'])?.score);
  assert.equal(b?.score, a?.score);
  assert.deepEqual(b?.reasons, a?.reasons);
});
