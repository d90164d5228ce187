import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeywordSet } from '../../../src/engine/detect/keywords.js';
import { readSpan } from '../../../src/engine/detect/combo.js';
import { readRest, type Rest } from '../../../src/engine/detect/combo-rest.js';
import { skeleton } from '../../../src/engine/names/index.js';

const KEYWORDS = ['mail', 'login', 'secure', 'accounts', 'portal', 'update', 'verify', 'log', 'in', 'sign', 'id', 'my', 'office'];

/** readRest as first written, with split and regexes: what the hand-written one must equal. */
function naiveRest(parts: readonly string[], keywords: KeywordSet): Rest {
  const found: string[] = [];
  let uncovered = 0;
  let letters = 0;
  const kept: string[] = [];
  for (const part of parts) {
    const segments = part.split(/[-_.]+/).filter((s) => s !== '');
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] ?? '';
      let c = keywords.cover(seg);
      const next = segments[i + 1];
      if (c.uncovered > 0 && next !== undefined) {
        const joined = keywords.cover(seg + next);
        if (joined.uncovered === 0) {
          c = joined;
          i++;
        }
      }
      found.push(...c.found);
      uncovered += c.uncovered;
      letters += c.letters;
    }
    const trimmed = part.replace(/^[-_.]+|[-_.]+$/g, '');
    if (trimmed !== '') kept.push(trimmed);
  }
  return { keywords: found, uncovered, letters, text: kept.join('-') };
}

// Text made of keywords, their halves, look-alikes, random letters and separators, so covers are often partial.
const piece = fc.oneof(fc.constantFrom(...KEYWORDS, 'lo', 'gin', 'rnail', '0ffice', '-', '.', '_', '--', '365'), fc.stringMatching(/^[a-z0-9]{1,6}$/));
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));

test('property: coverOnce answers as cover, whatever was remembered before and whenever it is forgotten', () => {
  const remembering = new KeywordSet(KEYWORDS);
  const plain = new KeywordSet(KEYWORDS);
  fc.assert(
    fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 40 }), (calls) => {
      for (const [segment, forget] of calls) {
        if (forget) remembering.forget();
        assert.deepEqual(remembering.coverOnce(segment), plain.cover(segment));
      }
    }),
    { numRuns: 500 },
  );
});

test('property: readRest equals the split-and-regex reading it replaced', () => {
  const keywords = new KeywordSet(KEYWORDS);
  const naive = new KeywordSet(KEYWORDS);
  fc.assert(
    fc.property(fc.array(text, { maxLength: 4 }), (parts) => {
      keywords.forget();
      assert.deepEqual(readRest(parts, keywords), naiveRest(parts, naive));
    }),
    { numRuns: 2000 },
  );
});

test('readRest joins a keyword cut by a hyphen and names what no keyword covers', () => {
  const keywords = new KeywordSet(['login', 'secure']);
  const r = readRest(['-log-in.', 'zzsecure'], keywords);
  assert.deepEqual(r.keywords, ['login', 'secure']);
  assert.equal(r.uncovered, 2);
  assert.equal(r.text, 'log-in-zzsecure');
});

/** cover as a plain DP over the skeleton string, with sets instead of the trie: what the table-driven one must equal. */
function naiveCover(original: string, words: readonly string[]): { found: string[]; uncovered: number; letters: number } {
  const skeletons = new Map<string, boolean>();
  const prefixes = new Set<string>();
  for (const w of words) {
    const s = skeleton(w).replace(/[-._\s]/g, '');
    if (s.length < 2 || !/^[a-z0-9]+$/.test(s)) continue;
    skeletons.set(s, w.length <= 2);
    for (let k = 1; k <= s.length; k++) prefixes.add(s.slice(0, k));
  }
  // The skeleton, unit by unit, with the index in `original` each unit came from.
  const units: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    for (const u of skeleton(ch).split('')) {
      units.push(u);
      origin.push(i);
    }
    if (cp > 0xffff) i++;
  }
  const n = units.length;
  const best = new Array<number>(n + 1).fill(0x3fffffff);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const digit = /[0-9]/.test(units[i] ?? '');
    if (!digit) letters++;
    const here = best[i] ?? 0;
    if (here + (digit ? 0 : 1) < (best[i + 1] ?? 0)) {
      best[i + 1] = here + (digit ? 0 : 1);
      from[i + 1] = -1;
    }
    for (let j = i; j < n; j++) {
      const w = units.slice(i, j + 1).join('');
      if (!/^[a-z0-9]+$/.test(w) || !prefixes.has(w)) break;
      const short = skeletons.get(w);
      if (short === undefined || (short && (i !== 0 || j !== n - 1))) continue;
      if (here < (best[j + 1] ?? 0)) {
        best[j + 1] = here;
        from[j + 1] = i;
      }
    }
  }
  const found: string[] = [];
  for (let i = n; i > 0; ) {
    const f = from[i] ?? -1;
    if (f >= 0) {
      found.unshift(original.slice(origin[f] ?? 0, i < n ? (origin[i] ?? 0) : original.length));
      i = f;
    } else i--;
  }
  return { found, uncovered: best[n] ?? 0, letters };
}

test('property: cover equals a plain DP over the skeleton (look-alikes, digits, two-letter words, non-ASCII)', () => {
  const words = [...KEYWORDS, 'ma', 'web', 'mx', '365', 'wwwmail'];
  const keywords = new KeywordSet(words);
  const odd = fc.constantFrom('é', 'а', 'ӏ', '𝐦', 'ß', '*');
  const segment = fc.array(fc.oneof(piece, odd), { maxLength: 8 }).map((a) => a.join('').replace(/[-._]/g, ''));
  fc.assert(
    fc.property(segment, (s) => {
      const c = keywords.cover(s);
      assert.deepEqual({ found: [...c.found], uncovered: c.uncovered, letters: c.letters }, naiveCover(s, words));
    }),
    { numRuns: 3000 },
  );
});

test('property: a segment not covered whole is only covered whole joined with the next one when its cover says open', () => {
  const words = [...KEYWORDS, 'ma', 'web', '365', 'wwwmail', 'signin'];
  const keywords = new KeywordSet(words);
  // A keyword cut in two, with keywords, digits, look-alikes or noise around the halves.
  const around = fc.array(fc.constantFrom(...words, '7', 'rn', 'x', 'zq', ''), { maxLength: 2 }).map((a) => a.join(''));
  const cut = fc.tuple(fc.constantFrom(...words.filter((w) => w.length >= 3)), fc.nat(), around, around).map(([w, k, before, after]) => {
    const at = 1 + (k % (w.length - 1));
    return [before + w.slice(0, at), w.slice(at) + after] as const;
  });
  let joins = 0;
  fc.assert(
    fc.property(cut, ([left, right]) => {
      const alone = keywords.cover(left);
      if (alone.uncovered === 0 || keywords.cover(left + right).uncovered > 0) return;
      joins++;
      assert.ok(alone.open, `${left} + ${right}`);
    }),
    { numRuns: 5000 },
  );
  assert.ok(joins > 20, `only ${joins} joins were tried`);
});

test('property: countRange gives coverRange\'s numbers, and a span\'s rest is readRest of what stands beside the brand', () => {
  const keywords = new KeywordSet(KEYWORDS);
  const reference = new KeywordSet(KEYWORDS);
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (label, x, y) => {
      const a = x % (label.length + 1);
      const b = a + (y % (label.length - a + 1));
      const c = reference.coverRange(label, a, b);
      keywords.countRange(label, a, b);
      assert.deepEqual([keywords.uncovered, keywords.letters, keywords.open, keywords.counted], [c.uncovered, c.letters, c.open, c.found.length]);
      const rest = readSpan(label, a, b, keywords);
      const want = readRest([label.slice(0, a), label.slice(b)], reference);
      assert.deepEqual([rest.uncovered, rest.letters, rest.keywordCount, rest.bare], [want.uncovered, want.letters, want.keywords.length, want.text === '']);
      assert.deepEqual([[...rest.keywords], rest.text], [[...want.keywords], want.text]);
      // The text read first (with no keyword counted, it is read without the covers).
      assert.equal(readSpan(label, a, b, keywords).text, want.text);
    }),
    { numRuns: 3000 },
  );
});

test('a span\'s rest joins a keyword cut by a hyphen, on either side of the brand', () => {
  const keywords = new KeywordSet(KEYWORDS);
  for (const [label, a, b] of [
    ['lo-ginbrand', 6, 11],
    ['brand-lo-gin', 0, 5],
    ['brandsecure-lo-gin-x', 0, 5],
  ] as const) {
    const rest = readSpan(label, a, b, keywords);
    const want = readRest([label.slice(0, a), label.slice(b)], new KeywordSet(KEYWORDS));
    assert.ok(want.keywords.includes('login'), label);
    assert.deepEqual([rest.uncovered, rest.letters, rest.keywordCount], [want.uncovered, want.letters, want.keywords.length], label);
  }
});
