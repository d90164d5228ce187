import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasLeetDigit, isLeetDigit, unleet } from '../../../src/engine/names/leet.js';

test('unleet reads the leet digits as letters and leaves 0, 1, 2, 6 and every other code alone', () => {
  assert.equal(unleet('4m4z0n'), 'amaz0n');
  assert.equal(unleet('micr05of7'), 'micr0soft');
  assert.equal(unleet('g0091e'), 'g00g1e');
  assert.equal(unleet('3845789'), 'ebastbg');
  assert.equal(unleet('x26-é'), 'x26-é');
});

test('hasLeetDigit and isLeetDigit agree with unleet', () => {
  for (const s of ['4pple', 'apple', 'app1e', 'b8', '2006', 'ӏ3']) assert.equal(hasLeetDigit(s), unleet(s) !== s, s);
  assert.equal(isLeetDigit('9'.charCodeAt(0)), true);
  assert.equal(isLeetDigit('0'.charCodeAt(0)), false);
  assert.equal(isLeetDigit(0x663), false); // Arabic-Indic three
});
