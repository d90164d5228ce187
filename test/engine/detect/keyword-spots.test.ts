import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeywordSet } from '../../../src/engine/detect/keywords.js';
import { KeywordSpots, SPOT_NONE, SPOT_SURE } from '../../../src/engine/detect/keyword-spots.js';
import { SkeletonBuffer, skeletonInto } from '../../../src/engine/names/index.js';

const keywords = new KeywordSet(['login', 'mail', 'my', '365', 'ma']);

function spotted(text: string): KeywordSpots {
  const sk = new SkeletonBuffer(8);
  skeletonInto(text, 0, text.length, sk);
  const spots = new KeywordSpots();
  spots.find(keywords, sk);
  return spots;
}

test('within: a keyword inside one unit is sure, none is none, one across a hyphen or of digits alone is unknown', () => {
  assert.equal(spotted('xloginx').within('xloginx', 0, 0, 7), SPOT_SURE);
  assert.equal(spotted('xloginx').within('xloginx', 0, 0, 4), SPOT_NONE);
  assert.equal(spotted('zz-rnail').within('zz-rnail', 0, 0, 8), SPOT_SURE);
  assert.equal(spotted('lo-gin').within('lo-gin', 0, 0, 6), -1);
  assert.equal(spotted('a-365').within('a-365', 0, 0, 5), -1);
});

test('within: a short keyword counts only filling its unit, the unit cut at the ends asked', () => {
  assert.equal(spotted('my-x').within('my-x', 0, 0, 4), SPOT_SURE);
  assert.equal(spotted('myx').within('myx', 0, 0, 3), SPOT_NONE);
  assert.equal(spotted('myx').within('myx', 0, 0, 2), SPOT_SURE);
  // `ma` is short as written, though its skeleton `rna` has three letters.
  assert.equal(spotted('xma').within('xma', 0, 0, 3), SPOT_NONE);
  assert.equal(spotted('x.ma').within('x.ma', 0, 2, 4), SPOT_SURE);
});

test('quiet: no keyword starts in the unit, a short one inside a unit left out', () => {
  const spots = spotted('abc.xloginx.myz.zz-my');
  assert.equal(spots.quiet(0, 0, 3), true);
  assert.equal(spots.quiet(0, 4, 11), false);
  assert.equal(spots.quiet(0, 12, 15), false, 'a short keyword at the unit start may fill a join');
  assert.equal(spots.quiet(0, 13, 15), true);
  assert.equal(spots.quiet(0, 16, 21), false);
});

test('sureOutside: a plain keyword before or after the span, scanned only as far as needed; short, split and digit keywords do not count', () => {
  const begun = (text: string): KeywordSpots => {
    const sk = new SkeletonBuffer(8);
    skeletonInto(text, 0, text.length, sk);
    const spots = new KeywordSpots();
    spots.begin(keywords, sk);
    return spots;
  };
  const long = `paypal.login.${'x'.repeat(40)}.mail`;
  assert.equal(begun(long).sureOutside(0, 6), true);
  assert.equal(begun(long).sureOutside(7, 12), true, 'mail, after the span, found by scanning on');
  assert.equal(begun('xlogin.my.a-365.lo-gin').sureOutside(1, 6), false);
  assert.equal(begun('xlogin').sureOutside(2, 6), false, 'a keyword across the span is not outside it');
  // After sureOutside stopped early, within still sees the whole name.
  const spots = begun(long);
  spots.sureOutside(0, 6);
  assert.equal(spots.within(long, 0, 13, long.length), SPOT_SURE);
});

test('loudSegments: one walk over the spots says, for every segment, what quiet says for it', () => {
  for (const text of ['abc.xloginx.myz.zz-my', 'my.mail-x.rnailmy.365.lo-gin', 'q.w.e', 'xmy.amy-my']) {
    const spots = spotted(text);
    const start = new Int32Array(16);
    const end = new Int32Array(16);
    let count = 0;
    for (const m of text.matchAll(/[^-._]+/g)) {
      start[count] = m.index;
      end[count++] = m.index + m[0].length;
    }
    const loud = new Uint8Array(16).fill(7);
    assert.equal(spots.loudSegments(start, end, count, loud), true);
    for (let k = 0; k < count; k++) assert.equal(loud[k] === 1, !spots.quiet(0, start[k] ?? 0, end[k] ?? 0), `${text} segment ${k}`);
  }
});
