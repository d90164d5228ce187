import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SegmentSymbols } from '../../../src/engine/detect/segment-symbols.js';
import { SkeletonBuffer, skeletonInto } from '../../../src/engine/names/index.js';
import { symbolOf } from '../../../src/engine/index/index.js';

// ASCII (with the multi-letter look-alikes m, w, d and digits) mixed with Cyrillic, accents and astral letters.
const char = fc.oneof(fc.constantFrom('a', 'm', 'w', 'd', 'q', '0', '1', '7', 'Z', '-', '*', 'а', 'е', 'é', 'ß', '𝐚', 'ӏ'), fc.stringMatching(/^[\x00-\x7f]$/));
const text = fc.array(char, { maxLength: 30 }).map((a) => a.join(''));

test('property: segment symbols are symbolOf of the skeleton, unit for unit, with the same origins', () => {
  const seg = new SegmentSymbols();
  const buf = new SkeletonBuffer(8);
  fc.assert(
    fc.property(text, (s) => {
      seg.read(s);
      buf.reset();
      skeletonInto(s, 0, s.length, buf);
      assert.equal(seg.length, buf.length);
      for (let k = 0; k < buf.length; k++) {
        assert.equal(seg.symbols[k], symbolOf(buf.codes[k] ?? 0));
        assert.equal(seg.origin[k], buf.origin[k]);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a long segment after short ones is read whole (the buffers grow)', () => {
  const seg = new SegmentSymbols();
  seg.read('mail');
  const long = 'm'.repeat(500);
  seg.read(long);
  assert.equal(seg.length, 1000);
  assert.equal(seg.origin[999], 499);
});

test('property: reading text[start, end) gives the symbols of the slice, with origins in the whole text', () => {
  const whole = new SegmentSymbols();
  const part = new SegmentSymbols();
  fc.assert(
    fc.property(text, text, text, (before, s, after) => {
      whole.read(before + s + after, before.length, before.length + s.length);
      part.read(s);
      assert.equal(whole.length, part.length);
      for (let k = 0; k < part.length; k++) {
        assert.equal(whole.symbols[k], part.symbols[k]);
        assert.equal(whole.origin[k], (part.origin[k] ?? 0) + before.length);
      }
    }),
    { numRuns: 1000 },
  );
});
