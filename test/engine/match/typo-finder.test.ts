import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brand, matcherFor } from '../../support/matcher.js';

// Labels one and two edits apart, so that each brand's own label is a typo of the others.
const m = matcherFor([
  brand('Contoso', ['contoso.com']),
  brand('Contosa', ['contosa.com']),
  brand('Northwindtraders', ['northwindtraders.com']),
  brand('Northwindtrade', ['northwindtrade.com']),
  brand('Northwindtradres', ['northwindtradres.com']),
  brand('Fabrikamx', ['fabrikamx.com']),
]);

function typoBrands(name: string): string[] {
  return m
    .match(name)
    .filter((h) => h.techniques.includes('typo'))
    .map((h) => h.brand)
    .sort();
}

test("a name that is itself a brand's label is still a typo of the brands one or two edits away", () => {
  assert.deepEqual(typoBrands('contoso.net'), ['Contosa']);
  assert.deepEqual(typoBrands('contosa.net'), ['Contoso']);
  assert.deepEqual(typoBrands('northwindtraders.net'), ['Northwindtrade', 'Northwindtradres']);
  assert.deepEqual(typoBrands('northwindtrade.net'), ['Northwindtraders', 'Northwindtradres']);
});

test("the brand's own domain is never its own typo, and a plain typo is found as before", () => {
  assert.deepEqual(typoBrands('contoso.com'), ['Contosa']);
  assert.deepEqual(typoBrands('northwindtrsders.com'), ['Northwindtraders', 'Northwindtradres']);
});

test('two edits are found whichever side they fall on: letters left out, added, replaced or swapped', () => {
  for (const name of ['fabrikm.com', 'fbrikamx.com', 'fabrikamxyz.com', 'fabricamz.com', 'fabrkiamx.com', 'fabrikaamxx.com']) {
    assert.deepEqual(typoBrands(name), ['Fabrikamx'], name);
  }
  assert.deepEqual(typoBrands('fabrik.com'), [], 'three letters left out');
});

test('two letters added to the longest brand label are still a typo of it (the finder looks at labels up to length + edits)', () => {
  const alone = matcherFor([brand('Fabrikamx', ['fabrikamx.com'])]);
  for (const name of ['fabrikamxyz.com', 'fabriikamxz.com']) {
    assert.ok(alone.match(name).some((h) => h.techniques.includes('typo')), name);
  }
});
