import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache, Polite } from '../../../src/enrich/policy/index.js';

test('entries expire after their time to live, by the clock passed in', () => {
  const c = new TtlCache<string>(1000);
  c.set('a', 'x', 0);
  assert.equal(c.get('a', 999), 'x');
  assert.equal(c.get('a', 1000), undefined);
});

test('the least recently used entry goes first when the cache is full', () => {
  const c = new TtlCache<number>(10_000, 2);
  c.set('a', 1, 0);
  c.set('b', 2, 0);
  assert.equal(c.get('a', 1), 1); // a is now the most recent
  c.set('c', 3, 2);
  assert.equal(c.get('b', 3), undefined);
  assert.equal(c.get('a', 3), 1);
  assert.equal(c.size, 2);
});

test('a polite adapter retries what is retryable, gives up after its retries, and caches only final answers', async () => {
  const p = new Polite<string>({ perSecond: 0, retries: 2, retryDelayMs: 1 });
  let calls = 0;
  assert.equal(await p.run('k', 's', async () => (++calls < 10 ? 'busy' : 'ok'), (a) => a === 'busy'), 'busy');
  assert.equal(calls, 3);
  assert.equal(await p.run('k', 's', async () => 'ok', (a) => a === 'busy'), 'ok');
  assert.equal(await p.run('k', 's', async () => 'changed', () => false), 'ok', 'the final answer is cached');
  assert.equal(p.attempts, 4);
});
