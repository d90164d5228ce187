import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseName } from '../../src/engine/index.js';
import { permute, type Fuzzer } from '../../src/engine/permute/index.js';
import { loadPermuteData } from '../../src/cli/permute-data.js';
import { matcherFor } from '../support/matcher.js';
import { toplist } from '../support/shared.js';

/**
 * Detection on lookalikes of every kind, not only the combosquats of the APT28 set: Tranco brands (every
 * 29th of the top 10k with a label of 5 letters or more, 281 of them) each get every variant `permute` makes,
 * dnstwist's fuzzers and ours, and the matcher, watching all of them, must name the right brand at the default
 * threshold. The generator shares no code with the detectors, but it is ours, so the floors are a guard
 * against regressions rather than a measure on unseen data.
 */
const FLOORS: Partial<Record<Fuzzer, number>> = {
  omission: 0.99, repetition: 0.99, transposition: 0.99, 'vowel-swap': 0.99, insertion: 0.99, replacement: 0.99,
  addition: 0.99, substitution: 0.99, bitsquat: 0.99, hyphenation: 0.99, 'dot-insertion': 0.98,
  'tld-swap': 0.99, flatten: 0.99, 'add-tld': 0.99, 'missing-dot': 0.99,
  'ascii-homoglyph': 0.9, 'idn-homoglyph': 0.95, combo: 0.9,
};

test('round trip: the variants permute makes of every 29th Tranco brand are caught for the right brand, per fuzzer', async () => {
  const data = await loadPermuteData('common');
  assert.ok(data.ok);
  const top = toplist('misp-warninglist-tranco10k.json');
  const domains: string[] = [];
  for (let i = 0; i < top.length; i += 29) {
    const p = parseName(top[i] ?? '');
    if (p.ok && p.name.sub === '' && p.name.label.length >= 5) domains.push(p.name.domain);
  }
  const m = matcherFor(domains.map((d) => ({ name: d, domains: [d], keywords: [], allowlist: [] })));
  const tally = new Map<Fuzzer, { caught: number; total: number; missed: string[] }>();
  for (const d of domains) {
    for (const v of permute(d, data.data)) {
      const t = tally.get(v.fuzzer) ?? { caught: 0, total: 0, missed: [] };
      t.total++;
      if (m.match(v.domain).some((h) => h.brand === d)) t.caught++;
      else if (t.missed.length < 4) t.missed.push(`${v.domain} (${d})`);
      tally.set(v.fuzzer, t);
    }
  }
  const lines: string[] = [];
  const below: string[] = [];
  for (const [fuzzer, t] of tally) {
    const rate = t.caught / t.total;
    const floor = FLOORS[fuzzer];
    lines.push(`${fuzzer.padEnd(18)} ${`${t.caught}/${t.total}`.padStart(12)} ${(rate * 100).toFixed(1).padStart(5)}%${floor === undefined ? ' (no floor)' : ''}${t.missed.length > 0 ? `  missed e.g. ${t.missed.join(' ')}` : ''}`);
    if (floor !== undefined && rate < floor) below.push(`${fuzzer} ${rate.toFixed(3)} < ${floor}`);
  }
  console.log(`round trip over ${domains.length} brands, caught per fuzzer at the default threshold:\n${lines.join('\n')}`);
  for (const fuzzer of Object.keys(FLOORS)) assert.ok(tally.has(fuzzer as Fuzzer), `no variants from ${fuzzer}`);
  assert.deepEqual(below, []);
});
