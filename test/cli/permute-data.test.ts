import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPermuteData } from '../../src/cli/permute-data.js';

test('the shipped permutation data loads: dnstwist words and TLDs, ail homophones and misspellings', async () => {
  const common = await loadPermuteData('common');
  assert.ok(common.ok);
  const { dictionary, tlds, homophones, misspellings } = common.data;
  assert.ok(dictionary.includes('login') && dictionary.includes('moncompte'));
  assert.ok(!dictionary.some((w) => w.startsWith('//')));
  assert.ok(tlds.includes('com') && tlds.includes('com.br') && tlds.includes('xyz'));
  assert.ok(tlds.length > 100 && tlds.length < 150, `${tlds.length} common TLDs`);
  assert.ok(homophones.some((g) => g.includes('site') && g.includes('sight')));
  assert.ok(misspellings.get('about')?.includes('abotu'));
  const all = await loadPermuteData('all');
  assert.ok(all.ok && all.data.tlds.length > 1400 && all.data.tlds.includes('xn--p1ai'));
});
