import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AsnLookup, type Fact, type ImportBatch, type Indicator, Knowledge, attribute, parseAsn, pivot } from '../../src/intel/index.js';

// a fake table: 10.1.x.x is a small host only "bear" uses; 10.2.x.x a big one where many groups rent
const fake: AsnLookup = {
  lookup(ip) {
    if (ip.startsWith('10.1.')) return { asn: 64501, org: 'Small Host' };
    if (ip.startsWith('10.2.')) return { asn: 64502, org: 'Big Cloud' };
    return undefined;
  },
};

function batch(actor: string, ips: readonly string[], domains: readonly string[] = []): ImportBatch {
  const source = `${actor}.txt`;
  const ind = (kind: Indicator['kind'], value: string, i: number): Indicator => ({ kind, value, actor, origin: { source, position: `line ${i + 1}` } });
  return {
    format: 'maltrail',
    source,
    indicators: [...ips.map((v, i) => ind('ip', v, i)), ...domains.map((v, i) => ind('domain', v, ips.length + i))],
    actors: [{ name: actor, synonyms: [], namespace: `maltrail:${actor}`, origin: { source, position: 'line 1' } }],
    issues: [],
  };
}

const batches = [
  batch('bear', ['10.1.0.1', '10.1.7.2', '10.1.9.3', '10.2.0.1']),
  ...Array.from({ length: 30 }, (_, i) => batch(`crowd${i}`, Array.from({ length: 4 }, (_, j) => `10.2.${i}.${j + 10}`))),
];
const a = (value: string): Fact => ({ subject: 'login-example.com', fact: 'a', value, source: 'test' });

test('every known address is linked to its AS, and the index counts who is hosted there', () => {
  const k = new Knowledge(batches, { asn: fake });
  assert.equal(k.asns?.addresses, 124);
  assert.equal(k.asns?.stats(64501)?.addresses, 3);
  assert.equal(k.asns?.stats(64502)?.actors.size, 31);
  const p = pivot(k, '10.1.0.1');
  assert.ok(p?.neighbours.some((n) => n.kind === 'asn' && n.value === 'AS64501'));
});

test('a new address in an AS only one actor uses is evidence for it; without a lookup there is none', () => {
  const k = new Knowledge(batches, { asn: fake });
  const [top] = attribute('login-example.com', [a('10.1.200.200')], k);
  assert.equal(top?.actor, 'bear');
  const line = top.evidence.find((e) => e.fact.includes('AS64501'));
  assert.ok(line !== undefined && line.counted && line.weight > 2, JSON.stringify(line));
  assert.match(line.fact, /Small Host.*holds 3 of its 4 known addresses and 0 known addresses of others/);
  assert.match(line.source, /bear\.txt line \d/);
  const none = attribute('login-example.com', [a('10.1.200.200')], new Knowledge(batches));
  assert.ok(none.every((r) => r.evidence.every((e) => !e.fact.includes('AS64501'))));
});

test('an AS crowded with other groups weighs (almost) nothing', () => {
  const k = new Knowledge(batches, { asn: fake });
  const bear = attribute('login-example.com', [a('10.2.250.250')], k, { limit: 40 }).find((r) => r.actor === 'bear');
  const line = bear?.evidence.find((e) => e.fact.includes('AS64502'));
  assert.ok(line !== undefined && line.weight < 0.5, JSON.stringify(line));
});

test('the address, its /24 and its AS are one piece of evidence: only the strongest counts', () => {
  const k = new Knowledge(batches, { asn: fake });
  const [top] = attribute('login-example.com', [a('10.1.0.1')], k);
  const address = top?.evidence.filter((e) => e.fact.includes('10.1.0') || e.fact.includes('AS64501')) ?? [];
  assert.ok(address.length >= 3, JSON.stringify(address));
  assert.equal(address.filter((e) => e.counted).length, 1);
  assert.match(address.find((e) => e.counted)?.fact ?? '', /shares address 10\.1\.0\.1/);
});

test('an asn fact recorded on the domain is read as well, once per AS', () => {
  const k = new Knowledge(batches, { asn: fake });
  const facts = [{ subject: 'login-example.com', fact: 'asn', value: 'AS64501' }, { subject: 'login-example.com', fact: 'asn', value: '64501' }];
  const [top] = attribute('login-example.com', facts, k);
  assert.equal(top?.evidence.filter((e) => e.fact.includes('AS64501')).length, 1);
  assert.deepEqual(['9009', 'AS9009', 'as9009', 'AS', '-1', 'AS0'].map(parseAsn), [9009, 9009, 9009, null, null, null]);
});
