import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjacentKeys, isVowel } from '../../../src/engine/detect/keyboard.js';

test('keys next to each other on QWERTY, AZERTY or QWERTZ are adjacent, both ways; others and non-letters are not', () => {
  for (const [a, b] of [['q', 'w'], ['w', 'q'], ['g', 'h'], ['a', 'z'], ['z', 't'], ['m', 'l'], ['1', 'q']] as const) assert.ok(adjacentKeys(a, b), `${a} ${b}`);
  for (const [a, b] of [['q', 'p'], ['a', 'a'], ['', 'a'], ['ab', 'a'], ['é', 'e'], ['-', 'a']] as const) assert.ok(!adjacentKeys(a, b), `${a} ${b}`);
});

test('vowels are a, e, i, o, u and y, one letter each', () => {
  assert.deepEqual([...'abeiouyz'].filter(isVowel), ['a', 'e', 'i', 'o', 'u', 'y']);
  assert.ok(!isVowel('ae') && !isVowel('') && !isVowel('é'));
});
