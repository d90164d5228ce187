import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeywordSet } from '../../../src/engine/detect/keywords.js';
import { readRest, type Rest } from '../../../src/engine/detect/combo-rest.js';
import { SubdomainRest } from '../../../src/engine/detect/subdomain-rest.js';
import { SkeletonBuffer, skeletonInto } from '../../../src/engine/names/index.js';

const KEYWORDS = ['mail', 'login', 'secure', 'accounts', 'portal', 'update', 'verify', 'log', 'in', 'sign', 'id', 'my', 'www', 'web'];
// Keywords, their halves, look-alikes, noise and every separator, so pieces, joins and empty parts all come up.
const piece = fc.oneof(fc.constantFrom(...KEYWORDS, 'lo', 'gin', 'rnail', 'si', 'gn', 'secur', 'emailx', 'acc', 'ountsweb', 'por', 'tallogin', '-', '.', '_', '--', '.-', '365', 'é'), fc.stringMatching(/^[a-z0-9]{1,5}$/));
const text = fc.array(piece, { maxLength: 10 }).map((a) => a.join(''));

test('property: the keywords beside sub[a, b) are those readRest finds in sub[0, a), sub[b, ...) and the label', () => {
  const keywords = new KeywordSet(KEYWORDS);
  const reference = new KeywordSet(KEYWORDS);
  const rest = new SubdomainRest(keywords);
  fc.assert(
    fc.property(text, text, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (sub, label, cuts) => {
      keywords.forget();
      rest.reset(sub, label);
      for (const [x, y] of cuts) {
        const a = sub.length === 0 ? 0 : x % (sub.length + 1);
        const b = a + (sub.length === a ? 0 : y % (sub.length - a + 1));
        const want = readRest([sub.slice(0, a), sub.slice(b), label], reference).keywords;
        assert.deepEqual([...rest.keywordsBeside(a, b)], [...want], `${sub} [${a}, ${b}) ${label}`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('a new name forgets the segments of the last one', () => {
  const keywords = new KeywordSet(KEYWORDS);
  const rest = new SubdomainRest(keywords);
  rest.reset('secure.brand.login', 'x');
  assert.deepEqual([...rest.keywordsBeside(7, 12)], ['secure', 'login']);
  keywords.forget();
  rest.reset('brand-mail', 'portal');
  assert.deepEqual([...rest.keywordsBeside(0, 5)], ['mail', 'portal']);
});

test('a keyword cut by a hyphen reads whole across a token that cuts the next segment, on either side', () => {
  const keywords = new KeywordSet(KEYWORDS);
  const reference = new KeywordSet(KEYWORDS);
  const rest = new SubdomainRest(keywords);
  for (const [sub, a, b] of [
    ['secur-emailbrand', 11, 16],
    ['brandsecur-email', 0, 5],
    ['lo-ginbrand.portal', 6, 11],
    ['xbrandlo-gin', 1, 6],
  ] as const) {
    keywords.forget();
    rest.reset(sub, 'update');
    const want = readRest([sub.slice(0, a), sub.slice(b), 'update'], reference).keywords;
    assert.deepEqual([...rest.keywordsBeside(a, b)], [...want], sub);
  }
});

test('property: anyBeside says whether keywordsBeside finds any, and keywordsOf gives the same list for this name or another', () => {
  const keywords = new KeywordSet(KEYWORDS);
  const rest = new SubdomainRest(keywords);
  const other = new SubdomainRest(keywords);
  fc.assert(
    fc.property(text, text, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (sub, label, cuts) => {
      keywords.forget();
      rest.reset(sub, label);
      other.reset('secure.brand', 'login');
      for (const [x, y] of cuts) {
        const a = sub.length === 0 ? 0 : x % (sub.length + 1);
        const b = a + (sub.length === a ? 0 : y % (sub.length - a + 1));
        const any = rest.anyBeside(a, b);
        const all = [...rest.keywordsBeside(a, b)];
        assert.equal(any, all.length > 0, `${sub} [${a}, ${b}) ${label}`);
        assert.deepEqual([...rest.keywordsOf(sub, label, a, b)], all);
        assert.deepEqual([...other.keywordsOf(sub, label, a, b)], all);
      }
    }),
    { numRuns: 3000 },
  );
});

/** The skeleton of `sub.label`, as the token finder hands it over. */
function skeletonOf(sub: string, label: string): SkeletonBuffer {
  const sk = new SkeletonBuffer(8);
  skeletonInto(`${sub}.${label}`, 0, sub.length + 1 + label.length, sk);
  return sk;
}

// Short keywords (`my`, `ma` whose skeleton is `rna`), one of digits alone, and pieces that expand (m, w, d) or cut them.
const SPOT_KEYWORDS = [...KEYWORDS, 'ma', '365', 'acc', 'go', 'docs'];
const spotPiece = fc.oneof(piece, fc.constantFrom('ma', 'rna', 'm', 'a', '36', '5', '365', 'my', 'go', 'g', 'o-', 'ac', 'cc', 'clocs', 'docs', 'vvvvvv', 'www', 'é-'));
const spotText = fc.array(spotPiece, { maxLength: 10 }).map((a) => a.join(''));

/** Checks `check` on random subdomains, labels and token ranges [a, b), given what readRest finds beside the token. */
function propertyBeside(check: (rest: SubdomainRest, a: number, b: number, want: Rest, where: string) => void): void {
  const keywords = new KeywordSet(SPOT_KEYWORDS);
  const reference = new KeywordSet(SPOT_KEYWORDS);
  const rest = new SubdomainRest(keywords);
  fc.assert(
    fc.property(spotText, spotText, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (sub, label, cuts) => {
      keywords.forget();
      rest.reset(sub, label, skeletonOf(sub, label));
      for (const [x, y] of cuts) {
        const a = sub.length === 0 ? 0 : x % (sub.length + 1);
        const b = a + (sub.length === a ? 0 : y % (sub.length - a + 1));
        check(rest, a, b, readRest([sub.slice(0, a), sub.slice(b), label], reference), `${sub} [${a}, ${b}) ${label}`);
      }
    }),
    { numRuns: 5000 },
  );
}

test('property: anyBeside from the keywords spotted in the skeleton says what the covers say', () => {
  propertyBeside((rest, a, b, want, where) => assert.equal(rest.anyBeside(a, b), want.keywords.length > 0, where));
});

test('anyBeside from spots: a short keyword counts only filling its piece, a keyword across a hyphen only when a join reads it', () => {
  const keywords = new KeywordSet(SPOT_KEYWORDS);
  const rest = new SubdomainRest(keywords);
  for (const [sub, a, b, label, want] of [
    ['mybrand', 2, 7, 'x', true],
    ['xmybrand', 3, 8, 'zz', false],
    ['xlo-ginzbrand', 8, 13, 'zz', false],
    ['lo-ginbrand', 6, 11, 'zz', true],
    ['brand', 0, 5, 'q-365', true],
    ['brand', 0, 5, 'qq-ma', true],
    ['brand', 0, 5, 'qq-rnx', false],
  ] as const) {
    keywords.forget();
    rest.reset(sub, label, skeletonOf(sub, label));
    assert.equal(rest.anyBeside(a, b), want, `${sub} [${a}, ${b}) ${label}`);
  }
});

test('property: the keywords beside sub[a, b), read with the skeleton (quiet segments left uncovered), are those readRest finds', () => {
  propertyBeside((rest, a, b, want, where) => assert.deepEqual([...rest.keywordsBeside(a, b)], [...want.keywords], where));
});
