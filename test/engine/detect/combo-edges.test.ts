import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeywordSet } from '../../../src/engine/detect/keywords.js';
import { SpanRest } from '../../../src/engine/detect/combo-rest.js';
import { uncoveredBeside } from '../../../src/engine/detect/combo-edges.js';

const KEYWORDS = ['mail', 'login', 'secure', 'accounts', 'portal', 'update', 'verify', 'log', 'in', 'sign', 'id', 'my', 'office', 'web', 'online'];

// Keywords, their halves, look-alikes (m → rn, w → vv), random letters, digits, non-ASCII and separators.
const piece = fc.oneof(fc.constantFrom(...KEYWORDS, 'lo', 'gin', 'rnail', 'we', 'b', 'onl', 'ine', 'w', 'm', '0ffice', '-', '_', '--', '365', 'é', 'а'), fc.stringMatching(/^[a-z0-9]{1,4}$/));
const label = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

test('property: when uncoveredBeside says a letter beside the token is uncovered, the span rest has uncovered letters', () => {
  const keywords = new KeywordSet(KEYWORDS);
  let told = 0;
  fc.assert(
    fc.property(label, fc.nat(), fc.nat(), (text, x, y) => {
      const a = x % (text.length + 1);
      const b = a + (y % (text.length - a + 1));
      keywords.forget();
      if (!uncoveredBeside(text, a, b, keywords)) return;
      told++;
      assert.ok(new SpanRest(text, a, b, keywords).uncovered > 0, `${text} [${a}, ${b})`);
    }),
    { numRuns: 5000 },
  );
  // The test means something only if the answer is often yes.
  assert.ok(told > 1000, `told ${told}`);
});

test('uncoveredBeside: a letter that starts or ends no keyword is uncovered; one that could, or a hyphen-cut keyword, is not', () => {
  const keywords = new KeywordSet(KEYWORDS);
  // `x` before the token ends no keyword; `q` after it starts none.
  assert.equal(uncoveredBeside('xpaypal', 1, 7, keywords), true);
  assert.equal(uncoveredBeside('paypalq', 0, 6, keywords), true);
  // A lone letter at the part's end: a keyword has two symbols at least.
  assert.equal(uncoveredBeside('paypalg', 0, 6, keywords), true);
  // `mail` ends with `il`, `login` starts with `lo`, `m` is `rn` which `rnail` starts.
  assert.equal(uncoveredBeside('mailpaypal', 4, 10, keywords), false);
  assert.equal(uncoveredBeside('paypallogin', 0, 6, keywords), false);
  assert.equal(uncoveredBeside('paypalmail', 0, 6, keywords), false);
  // `lo-gin` joins into `login` across the hyphen; `in` ends it.
  assert.equal(uncoveredBeside('lo-ginpaypal', 6, 12, keywords), false);
  assert.equal(uncoveredBeside('paypalw-eb', 0, 6, keywords), false);
  assert.equal(uncoveredBeside('we-bpaypal', 4, 10, keywords), false);
  assert.equal(uncoveredBeside('paypalo-nline', 0, 6, keywords), false);
  // Unsure beside a non-ASCII letter.
  assert.equal(uncoveredBeside('éxpaypal', 2, 8, keywords), false);
});
