import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Brand } from '../../src/engine/index.js';
import { matcherFor } from '../support/matcher.js';
import { sharedText, toplist } from '../support/shared.js';

/** The APT28 development set: real APT28 domains hand-labelled with the brand they imitate. */
function devSet(): { rows: string[][]; brands: Brand[] } {
  const rows = sharedText('eval/apt28-lookalikes-dev.tsv').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const brands = new Map<string, Brand>();
  for (const [, b, d] of rows) if (b && d && !brands.has(b)) brands.set(b, { name: b, domains: d.split(','), keywords: [], allowlist: [] });
  return { rows, brands: [...brands.values()] };
}

const { rows, brands } = devSet();
const m = matcherFor(brands);

test('recall on the APT28 development set (a row counts when a hit names its brand)', () => {
  let caught = 0;
  const missed: string[] = [];
  for (const [domain, b] of rows) {
    if (m.match(domain ?? '').some((h) => h.brand === b)) caught++;
    else missed.push(domain ?? '');
  }
  const recall = caught / rows.length;
  console.log(`APT28 dev set recall at the default threshold: ${caught}/${rows.length} = ${(recall * 100).toFixed(1)}%\nmissed: ${missed.join(' ')}`);
  assert.ok(recall >= 0.88, `recall ${recall}`);
});

test('false alarms on popular benign domains at the default threshold', () => {
  const lists = ['misp-warninglist-tranco10k.json', 'misp-warninglist-cloudflare-top100k.json', 'misp-warninglist-majestic_million.json', 'misp-warninglist-cisco_top20k.json'];
  const labels = brands.flatMap((b) => b.domains.map((d) => d.split('.')[0] ?? ''));
  const seen = new Set<string>();
  let names = 0;
  let withBrandWord = 0;
  const lookalikes: string[] = [];
  for (const file of lists) {
    for (const d of toplist(file)) {
      if (seen.has(d)) continue;
      seen.add(d);
      names++;
      const hits = m.match(d);
      if (hits.length === 0) continue;
      // Popular names that hold a brand's own word are mostly that brand's own sites (google.ca, cdn-apple.com):
      // counted apart. The rest are somebody else's names that merely look like a brand.
      if (labels.some((l) => l.length >= 4 && d.includes(l))) withBrandWord++;
      else lookalikes.push(`${d} (${hits.map((h) => `${h.brand} ${h.techniques.join('+')} ${h.score}`).join(', ')})`);
    }
  }
  const rate = lookalikes.length / names;
  console.log(`benign popular domains: ${names}; hits holding a brand's word (mostly the brands' own sites): ${withBrandWord}; other hits: ${lookalikes.length} = ${(rate * 100).toFixed(3)}%\n${lookalikes.slice(0, 40).join('\n')}`);
  assert.ok(rate <= 0.001, `false-alarm rate ${rate}`);
  assert.ok(withBrandWord / names <= 0.015, `hits on names with a brand word: ${withBrandWord}/${names}`);
});
