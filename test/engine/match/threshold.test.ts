import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createMatcher, parseName, type Brand } from '../../../src/engine/index.js';
import { loadDefaultWords } from '../../../src/config/index.js';

const SHARED = new URL('../../../../shared/data/', import.meta.url);
const list = (f: string): string[] => (JSON.parse(readFileSync(new URL(`toplists/${f}`, SHARED), 'utf8')) as { list: string[] }).list;

test('the threshold only filters: a hit scoring at least T is the same hit, reasons and all, whatever threshold up to T', async () => {
  const words = await loadDefaultWords();
  // 500 popular brands, each with all its domains, against 10,000 other popular names and 20,000 phishing names: thousands of hits of every kind.
  const byLabel = new Map<string, string[]>();
  for (const d of list('misp-warninglist-tranco10k.json')) {
    const p = parseName(d);
    if (!p.ok || p.name.sub !== '') continue;
    byLabel.set(p.name.label, [...(byLabel.get(p.name.label) ?? []), p.name.domain]);
  }
  const brands: Brand[] = [...byLabel].slice(0, 500).map(([label, domains]) => ({ name: label, domains, keywords: [], allowlist: [] }));
  // Popular names (mostly bare domains) and live phishing names (full of subdomains).
  const phishing = readFileSync(new URL('phishing/phishingdatabase-domains-ACTIVE2.txt', SHARED), 'utf8').split('\n').filter((l) => l !== '');
  // And the brand twice, as a subdomain word and in a combosquat: the weaker detection adds to the stronger one's hit.
  const twice = brands.slice(0, 100).map((b) => `${b.name}.${b.name}-login.com`);
  const names = [...list('misp-warninglist-cloudflare-top100k.json').slice(0, 10_000), ...phishing.slice(0, 20_000), ...twice];
  const at = (threshold: number) => createMatcher(brands, { keywords: words.keywords, generic: words.generic, threshold });
  const all = at(0);
  const strict = [0.5, 0.6, 0.7, 0.85].map((t) => [t, at(t)] as const);
  let compared = 0;
  for (const name of names) {
    const base = all.match(name);
    for (const [t, m] of strict) {
      const expected = base.filter((h) => h.score >= t);
      assert.deepEqual(m.match(name), expected, `${name} at threshold ${t}`);
      compared += expected.length;
    }
  }
  assert.ok(compared > 1000, `only ${compared} hits compared`);
});
