/** What every IntelStore must do; run against each implementation (memory, SQLite). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ImportBatch, type IntelStore, parseIntel } from '../../src/intel/index.js';

const trail = (...lines: string[]) => `# Aliases: example bear, ursa example\n# Reference: https://example.org/report\n\n${lines.join('\n')}\n`;

function sorted(batches: readonly ImportBatch[]): ImportBatch[] {
  return [...batches].sort((a, b) => a.source.localeCompare(b.source));
}

export function runIntelStoreContract(name: string, open: () => Promise<IntelStore>): void {
  test(`${name}: a stored batch comes back with every indicator, its provenance and the actors' synonyms`, async () => {
    const store = await open();
    try {
      const batch = parseIntel(trail('example-login.com', '10.1.2.3', 'http://example-cdn.net/x.php'), 'feeds/apt_example.txt');
      const summary = await store.putBatch(batch);
      assert.deepEqual(summary, { source: 'feeds/apt_example.txt', format: 'maltrail', indicators: batch.indicators.length, actors: 1, issues: 0, added: true });
      const [back] = await store.batches();
      assert.deepEqual(back, { ...batch, issues: [] });
      assert.deepEqual(back?.indicators[0], { kind: 'domain', value: 'example-login.com', actor: 'example', report: 'https://example.org/report', origin: { source: 'feeds/apt_example.txt', position: 'line 4' } });
    } finally {
      await store.close();
    }
  });

  test(`${name}: importing a source again replaces it, other sources stay`, async () => {
    const store = await open();
    try {
      await store.putBatch(parseIntel(trail('old-name.com', '10.1.2.3'), 'a/apt_example.txt'));
      await store.putBatch(parseIntel('INDICATOR_VALUE,TYPE\n10.1.2.3,IPV4ADDR\n', 'b/list.csv', { actor: 'example bear' }));
      const again = await store.putBatch(parseIntel(trail('new-name.com'), 'a/apt_example.txt'));
      assert.equal(again.added, false);
      const batches = sorted(await store.batches());
      assert.deepEqual(batches.map((b) => b.source), ['a/apt_example.txt', 'b/list.csv']);
      assert.deepEqual(batches[0]?.indicators.map((i) => i.value), ['new-name.com']);
      assert.deepEqual(batches[1]?.indicators.map((i) => i.value), ['10.1.2.3']);
    } finally {
      await store.close();
    }
  });

  test(`${name}: a batch that fails to store leaves the source's earlier import whole`, async () => {
    const store = await open();
    try {
      const good = parseIntel(trail('example-login.com', '10.1.2.3'), 'apt_example.txt');
      await store.putBatch(good);
      const broken: ImportBatch = {
        ...good,
        // null is not a string: no store can keep it, and the failure comes after good rows were written
        indicators: [...good.indicators, { kind: 'domain', value: null as unknown as string, origin: { source: 'apt_example.txt', position: 'line 99' } }],
      };
      await assert.rejects(store.putBatch(broken));
      const [back] = await store.batches();
      assert.deepEqual(back?.indicators, good.indicators);
    } finally {
      await store.close();
    }
  });
}
