import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { isValidHostname, permute, type Variant } from '../../../src/engine/permute/index.js';
import { loadPermuteData } from '../../../src/cli/permute-data.js';

/** ail-typo-squatting's own test fixtures: the variants it generates for two domains. */
const AIL = new URL('../../../../shared/data/typosquat/', import.meta.url);

/** Their variants as ASCII, with the algorithm that made each; their invalid hostnames left out. */
function readFixture(file: string): { name: string; algo: string }[] {
  const out: { name: string; algo: string }[] = [];
  for (const line of readFileSync(new URL(file, AIL), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [name = '', algo = 'all'] = line.split(', ');
    const ascii = domainToASCII(name);
    if (isValidHostname(ascii)) out.push({ name: ascii, algo });
  }
  return out;
}

function coverage(fixture: { name: string; algo: string }[], mine: readonly Variant[]): Map<string, { theirs: number; ours: number }> {
  const have = new Set(mine.map((v) => v.domain));
  const per = new Map<string, { theirs: number; ours: number }>();
  for (const { name, algo } of fixture) {
    const row = per.get(algo) ?? { theirs: 0, ours: 0 };
    row.theirs++;
    if (have.has(name)) row.ours++;
    per.set(algo, row);
  }
  return per;
}

function print(domain: string, per: Map<string, { theirs: number; ours: number }>): void {
  const lines = [...per].map(([algo, r]) => `  ${algo.padEnd(18)} ${String(r.ours).padStart(5)} / ${String(r.theirs).padEnd(5)} ${((100 * r.ours) / r.theirs).toFixed(1)}%`);
  console.log(`ail-typo-squatting variants of ${domain} that squatwatch generates:\n${lines.join('\n')}`);
}

/**
 * Floors per ail algorithm. TLD-based ones fall short only by TLDs retired from the root since
 * their list was cut (dunlop, goo…) and dynamic-DNS parents (not generated here).
 */
const CIRCL_FLOORS: Readonly<Record<string, number>> = {
  omission: 1, repetition: 1, changeOrder: 1, replacement: 1, doubleReplacement: 1, addition: 1,
  missingDot: 1, addDash: 1, subdomain: 1, homoglyph: 0.95, wrongTld: 0.99, addTld: 0.99, changeDotDash: 0.99,
};

test('covers ail-typo-squatting variants of circl.lu, per algorithm', async () => {
  const data = await loadPermuteData('all');
  assert.ok(data.ok);
  const per = coverage(readFixture('ail-circl.lu.var.txt'), permute('circl.lu', data.data));
  print('circl.lu', per);
  for (const [algo, r] of per) {
    const floor = CIRCL_FLOORS[algo];
    assert.ok(floor !== undefined, `an ail algorithm without a floor: ${algo}`);
    assert.ok(r.ours / r.theirs >= floor, `${algo}: ${r.ours}/${r.theirs} under ${floor}`);
  }
});

test('covers ail-typo-squatting variants of misp-project.org, credited to our fuzzers', async () => {
  const data = await loadPermuteData('all');
  assert.ok(data.ok);
  const mine = permute('misp-project.org', data.data);
  const fixture = readFixture('ail-misp-project.org.txt');
  const per = coverage(fixture, mine);
  print('misp-project.org', per);
  const fuzzerOf = new Map(mine.map((v) => [v.domain, v.fuzzer]));
  const credited = new Map<string, number>();
  for (const { name } of fixture) {
    const f = fuzzerOf.get(name) ?? '(missed)';
    credited.set(f, (credited.get(f) ?? 0) + 1);
  }
  console.log(`  by squatwatch fuzzer: ${[...credited].map(([f, n]) => `${f} ${n}`).join(', ')}`);
  const all = per.get('all');
  assert.ok(all !== undefined && all.ours / all.theirs >= 0.96, `misp-project.org: ${all?.ours}/${all?.theirs}`);
});
