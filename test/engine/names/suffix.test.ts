import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { getPublicSuffix } from 'tldts';
import { edgeChild, edgeLength, edgeStart, exceptionsRoot, labelText, rulesRoot } from 'tldts/dist/cjs/src/data/trie.js';
import { parseName } from '../../../src/engine/index.js';
import { HostLabels, labelStep, publicSuffix } from '../../../src/engine/names/suffix.js';
import { SHARED, sharedText, toplist } from '../../support/shared.js';

const TLDTS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;

/** The hosts on which publicSuffix and tldts disagree. */
function disagreements(hosts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const h of hosts) {
    const want = getPublicSuffix(h, TLDTS);
    const got = publicSuffix(h);
    if (got !== want) out.push(`${h}: tldts ${want}, ours ${got}`);
  }
  return out;
}

/** Every string a walk from `root` can spell (each rule, and the labels between), right-most label first in the trie. */
function trieStrings(root: number): string[] {
  const offsets: number[] = [];
  for (let e = 0, at = 0; e < edgeLength.length; e++) {
    offsets.push(at);
    at += edgeLength[e] ?? 0;
  }
  const out: string[] = [];
  const visit = (node: number, suffix: string, depth: number): void => {
    if (depth > 8) return;
    for (let e = edgeStart[node] ?? 0; e < (edgeStart[node + 1] ?? 0); e++) {
      const label = labelText.slice(offsets[e] ?? 0, (offsets[e] ?? 0) + (edgeLength[e] ?? 0));
      const s = suffix === '' ? label : `${label}.${suffix}`;
      out.push(s);
      visit(edgeChild[e] ?? 0, s, depth + 1);
    }
  };
  visit(root, '', 0);
  return out;
}

test('every rule and exception of the trie, and names under them, get tldts own suffix', () => {
  const hosts: string[] = [];
  for (const rule of [...trieStrings(rulesRoot), ...trieStrings(exceptionsRoot)]) {
    // Unicode rules stand for their punycode (hosts reach the lookup in ASCII); '*' stands for any label.
    const ascii = domainToASCII(rule.replaceAll('*', 'wild'));
    if (ascii === '') continue;
    hosts.push(ascii, `zz.${ascii}`, `a.b.${ascii}`, `www.${ascii}`, ascii.replace(/^[^.]*\./, ''));
  }
  assert.ok(hosts.length > 40_000, `${hosts.length} hosts`);
  assert.deepEqual(disagreements(hosts), []);
});

test('the hosts of the PSL test vectors, single labels and unknown suffixes get tldts own suffix', () => {
  const hosts = ['com', 'example', 'a.example', 'www.ck', 'a.www.ck', 'b.ck', 'city.kawasaki.jp', 'a.b.kawasaki.jp', 'x.github.io', 'a.b.compute.amazonaws.com'];
  for (const raw of sharedText('psl/tests.txt').split('\n')) {
    const input = raw.trim().split(/\s+/)[0];
    if (input === undefined || input === '' || input.startsWith('//') || input === 'null') continue;
    const r = parseName(input);
    if (r.ok) hosts.push(r.name.host);
  }
  assert.ok(hosts.length > 60);
  assert.deepEqual(disagreements(hosts), []);
});

test('every name of the benchmark sets (CT names, top lists, a phishing list) gets tldts own suffix', () => {
  const inputs = [...toplist('misp-warninglist-cloudflare-top100k.json'), ...toplist('misp-warninglist-tranco10k.json')];
  inputs.push(...sharedText('phishing/phishingdatabase-domains-ACTIVE2.txt').split('\n'));
  const dir = 'ct/navigli2025h2/tile/names/';
  for (const f of readdirSync(SHARED + dir)) {
    if (f.endsWith('.p')) continue;
    for (const line of sharedText(dir + f).split('\n')) if (line !== '') inputs.push(...((JSON.parse(line) as { DNS?: string[] }).DNS ?? []));
  }
  const hosts: string[] = [];
  for (const input of inputs) {
    const r = parseName(input);
    if (r.ok) hosts.push(r.name.host);
  }
  assert.ok(hosts.length > 100_000, `${hosts.length} hosts`);
  assert.deepEqual(disagreements(hosts), []);
});

test('HostLabels cuts a host at every dot, empty labels included, and hashes each label left to right', () => {
  const labels = new HostLabels();
  for (const host of ['', 'com', 'www.example.co.uk', '.a..b.', 'x'.repeat(300), Array.from({ length: 200 }, () => 'a').join('.')]) {
    labels.load(host);
    const parts = host.split('.');
    assert.equal(labels.count, parts.length, host);
    parts.forEach((part, k) => {
      assert.equal(host.slice(labels.start(k), labels.end[k]), part);
      let h = 0;
      for (const c of part) h = labelStep(h, c.charCodeAt(0));
      assert.equal(labels.hash[k], h);
    });
  }
});

test('a parsed name is split at the suffix publicSuffix gives its host (the parser fills the labels in its own pass)', () => {
  for (const input of ['www.example.co.uk', '*.a.b.github.io', 'www.ck', 'a.www.ck', 'x.y.kawasaki.jp', 'example.unknowntld', 'Mixed.Case.COM', 'xn--bcher-kva.de']) {
    const r = parseName(input);
    assert.ok(r.ok, input);
    assert.equal(r.name.suffix, publicSuffix(r.name.host), input);
    assert.equal(`${r.name.sub === '' ? '' : `${r.name.sub}.`}${r.name.label}.${r.name.suffix}`, r.name.host, input);
  }
});
