/**
 * Run by sqlite.test.ts: writes batch after batch of 100 hits to the store file given as argument,
 * each with the checkpoint `kill-writer` = number of batches written, printing a line per batch,
 * until it is killed. Hit n is a sighting at position n of one of 5,000 domains.
 */
import { openSqliteStore } from '../../src/store/index.js';
import { sighted } from './case-2017.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: kill-writer.ts FILE');
const store = openSqliteStore(path);
for (let batch = 1; ; batch++) {
  const hits = [];
  for (let i = 0; i < 100; i++) {
    const n = (batch - 1) * 100 + i;
    const domain = `en-marche-${n % 5000}.fr`;
    hits.push(sighted({ name: domain, position: String(n) }));
  }
  await store.recordBatch({ hits, checkpoint: { key: 'kill-writer', value: String(batch) } });
  process.stdout.write(`${batch}\n`);
}
