import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeywordSet } from '../../../src/engine/detect/keywords.js';
import { readRest, type Rest } from '../../../src/engine/detect/combo.js';

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
