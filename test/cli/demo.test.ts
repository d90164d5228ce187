import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../support/cli.js';

interface DemoJson {
  found: number;
  expected: number;
  falseAlarms: number;
  otherNames: number;
  findings: { domain: string; brand: string; techniques: string[] }[];
  attributions: Record<string, { actor: string; aliases: string[]; probability: number; words: string; evidence: { fact: string }[] }[]>;
}

test('the demo finds every reported 2017 lookalike in a real CT stream, stores them in SQLite, and attributes them from the data', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sw-demo-'));
  try {
    const db = join(dir, 'demo.db');
    const c = captureIO();
    assert.equal(await main(['demo', '--db', db, '--format', 'json'], c.io), 0, c.err());
    const out = JSON.parse(c.out()) as DemoJson;
    assert.equal(out.expected, 6);
    assert.equal(out.found, 6, 'all six reported names');
    assert.ok(out.otherNames > 1000);
    assert.ok(out.falseAlarms <= 2, `false alarms: ${out.falseAlarms}`);
    const brandOf = (d: string): string[] => out.findings.filter((f) => f.domain === d).map((f) => f.brand);
    assert.ok(brandOf('en-marche.co').includes('En Marche'));
    assert.ok(brandOf('portal-office.fr').includes('Microsoft'));
    assert.ok(out.findings.some((f) => f.domain === 'en-marche.co' && f.techniques.includes('tld-swap')));
    for (const d of ['onedrive-en-marche.fr', 'mail-en-marche.fr', 'portal-office.fr', 'accounts-office.fr']) {
      const top = out.attributions[d]?.[0];
      assert.ok(top, `attribution for ${d}`);
      assert.ok(top.aliases.some((a) => /apt28|fancy bear|pawn storm/i.test(a)) || /apt28/i.test(top.actor), `${d}: ${top.actor}`);
      assert.ok(['likely', 'very likely', 'almost certain'].includes(top.words), `${d}: ${top.words}`);
      assert.ok(top.evidence.some((e) => e.fact.includes('194.187.249.135')));
    }
    const rows = new Database(db, { readonly: true }).prepare('select count(*) as n from findings').get() as { n: number };
    assert.equal(rows.n, 6, 'six findings in the SQLite file');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the text report lists the found names with reasons and both counts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sw-demo-'));
  try {
    const c = captureIO();
    assert.equal(await main(['demo', '--db', join(dir, 'd.db'), '--no-attribution'], c.io), 0, c.err());
    assert.match(c.out(), /Reported lookalikes found: 6 of 6/);
    assert.match(c.out(), /False alarms among the other [\d,]+ names: \d/);
    assert.match(c.out(), /mail-en-marche\.fr .*combo: brand `en-marche` \+ keyword `mail`/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
