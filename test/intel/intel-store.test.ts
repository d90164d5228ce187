import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Knowledge, MemoryIntelStore, parseIntel } from '../../src/intel/index.js';

const trail = (ip: string) => `# Aliases: example bear\n\nexample-login.com\n${ip}\n`;

test('importing a file twice changes nothing; a second source adds its own edge', async () => {
  const store = new MemoryIntelStore();
  const first = await store.putBatch(parseIntel(trail('10.1.2.3'), 'a/apt_example.txt'));
  const again = await store.putBatch(parseIntel(trail('10.1.2.3'), 'a/apt_example.txt'));
  assert.equal(first.added, true);
  assert.equal(again.added, false);
  let k = new Knowledge(await store.batches());
  const ip = k.graph.find('ip', '10.1.2.3');
  assert.ok(ip !== undefined);
  assert.equal(k.graph.neighbours(ip, 'actor').length, 1);
  await store.putBatch(parseIntel('INDICATOR_VALUE,TYPE\n10.1.2.3,IPV4ADDR\n', 'b/list.csv', { actor: 'example bear' }));
  k = new Knowledge(await store.batches());
  const sources = k.graph.neighbours(k.graph.find('ip', '10.1.2.3') ?? -1, 'actor').map((n) => n.source).sort();
  assert.deepEqual(sources, ['a/apt_example.txt', 'b/list.csv']);
});

test('the graph links an address to its /24, and excluded domains stay out', async () => {
  const store = new MemoryIntelStore();
  await store.putBatch(parseIntel(trail('10.1.2.3'), 'apt_example.txt'));
  const k = new Knowledge(await store.batches(), { exclude: ['example-login.com'] });
  assert.equal(k.graph.find('domain', 'example-login.com'), undefined);
  const p = k.graph.find('prefix', '10.1.2.0/24');
  assert.deepEqual(k.graph.neighbours(p ?? -1).map((n) => n.value), ['10.1.2.3']);
});
