import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWatchlist } from '../../../src/engine/index.js';

test('a YAML watchlist gives brands with their domains, keywords and allowlist', () => {
  const r = parseWatchlist('b.yaml', 'brands:\n  - name: En Marche\n    domains: [en-marche.fr, www.EN-MARCHE.fr]\n    keywords: [macron]\n    allowlist: [enmarche.org]\nkeywords: [elysee]\n');
  assert.ok(r.ok);
  assert.deepEqual(r.watchlist.brands[0], { name: 'En Marche', domains: ['en-marche.fr'], keywords: ['macron'], allowlist: ['enmarche.org'] });
  assert.deepEqual(r.watchlist.keywords, ['elysee']);
});

test('JSON and a bare list are accepted too', () => {
  const r = parseWatchlist('b.json', '[{"name": "ACME", "domains": ["acme.com"]}]');
  assert.ok(r.ok);
  assert.equal(r.watchlist.brands[0]?.name, 'ACME');
});

test('a plain text file makes each line its own brand, comments ignored', () => {
  const r = parseWatchlist('brands.txt', '# ours\nen-marche.fr\n\nmicrosoft.com  # and theirs\n');
  assert.ok(r.ok);
  assert.deepEqual(r.watchlist.brands.map((b) => b.name), ['en-marche.fr', 'microsoft.com']);
});

test('errors name the file, the line and the reason', () => {
  const text = 'brands:\n  - name: Good\n    domains: [good.com]\n  - name: Bad\n    domains: [not a domain]\n  - domains: [x.com]\n  - name: Extra\n    domains: [e.com]\n    colour: blue\n';
  const r = parseWatchlist('w.yaml', text);
  assert.ok(!r.ok);
  const lines = r.errors.map((e) => `${e.file}:${e.line}: ${e.reason}`);
  assert.ok(lines.some((l) => l.startsWith('w.yaml:5:') && l.includes("'not a domain' is not a domain name")), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('w.yaml:6:') && l.includes("needs a 'name'")), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('w.yaml:9:') && l.includes("unknown brand field 'colour'")), lines.join('\n'));
});

test('broken YAML and a bad plain line are reported with their line', () => {
  const y = parseWatchlist('w.yaml', 'brands:\n  - name: [unclosed\n');
  assert.ok(!y.ok && y.errors[0] !== undefined && y.errors[0].line >= 2);
  const p = parseWatchlist('w.txt', 'good.com\nbad..com\n');
  assert.ok(!p.ok);
  assert.deepEqual(p.errors.map((e) => e.line), [2]);
});
