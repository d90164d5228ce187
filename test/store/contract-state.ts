/** Store contract, part 2: checkpoints written with their batch, triage history, facts, queries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from '../../src/store/index.js';
import { caseFacts, sighted } from './case-2017.js';
import { type MakeStore, using } from './with-store.js';

export function checkpointContract(makeStore: MakeStore): void {
  test('a checkpoint is written with its batch and read back; unknown keys read null', () =>
    using(makeStore, async (store) => {
      assert.equal(await store.getCheckpoint('ct:navigli2025h2'), null);
      await store.recordBatch({ hits: [sighted({ name: 'en-marche.co', position: '3' })], checkpoint: { key: 'ct:navigli2025h2', value: '255' } });
      await store.recordBatch({ hits: [], checkpoint: { key: 'ct:navigli2025h2', value: '511' } });
      await store.recordBatch({ hits: [], checkpoint: { key: 'zone:fr', value: '2017-04-20' } });
      assert.equal(await store.getCheckpoint('ct:navigli2025h2'), '511');
      assert.equal(await store.getCheckpoint('zone:fr'), '2017-04-20');
    }));

  for (const [what, bad] of [
    ['a score above 1', { score: 2 }],
    ['a negative score', { score: -0.1 }],
    ['a score that is not a number', { score: Number.NaN }],
    ['an empty registrable domain', { domain: '' }],
  ] as const) {
    test(`a batch with ${what} mid-way writes neither its hits nor its checkpoint`, () =>
      using(makeStore, async (store) => {
        await store.recordBatch({ hits: [sighted({ name: 'en-marche.co', position: '1' })], checkpoint: { key: 'ct:x', value: '1' } });
        const hits = [
          sighted({ name: 'mail-en-marche.fr', position: '2' }),
          sighted({ name: 'en-marche.co', position: '3', score: 0.99 }),
          sighted({ name: 'accounts-office.fr', position: '4', ...bad }),
          sighted({ name: 'portal-office.fr', position: '5' }),
        ];
        await assert.rejects(store.recordBatch({ hits, checkpoint: { key: 'ct:x', value: '5' } }));
        assert.equal(await store.getCheckpoint('ct:x'), '1');
        const all = await store.listFindings();
        assert.deepEqual(all.map((f) => [f.domain, f.score, f.sightings]), [['en-marche.co', 0.9, 1]]);
        assert.equal((await store.counts()).sightings, 1);
        // The store is still usable, and the good hits go in once the bad one is dropped.
        const retried = await store.recordBatch({ hits: hits.filter((_, i) => i !== 2), checkpoint: { key: 'ct:x', value: '5' } });
        assert.deepEqual(retried.newFindings.map((f) => f.domain), ['mail-en-marche.fr', 'portal-office.fr']);
        assert.equal(await store.getCheckpoint('ct:x'), '5');
      }));
  }
}

export function triageContract(makeStore: MakeStore): void {
  test('triage changes the state and keeps every change in order', () =>
    using(makeStore, async (store) => {
      await store.recordHits([sighted({ name: 'en-marche.co', position: '1' }), sighted({ name: 'portal-office.fr', position: '2' })]);
      const first = await store.setTriage('en-marche.co', 'confirmed', 'ThreatConnect ties it to 194.187.249.135', 'analyst');
      assert.equal(first?.previous, 'new');
      assert.equal(first?.state, 'confirmed');
      await store.setTriage('EN-MARCHE.CO', 'taken-down');
      const f = await store.getFinding('en-marche.co');
      assert.equal(f?.state, 'taken-down');
      assert.deepEqual(f?.triage.map((t) => [t.previous, t.state, t.note, t.by]), [
        ['new', 'confirmed', 'ThreatConnect ties it to 194.187.249.135', 'analyst'],
        ['confirmed', 'taken-down', null, null],
      ]);
      assert.ok(f?.triage.every((t) => !Number.isNaN(Date.parse(t.at))), 'each change is timed');
      assert.equal((await store.getFinding('portal-office.fr'))?.state, 'new');
      const counts = await store.counts();
      assert.deepEqual(counts.byState, { new: 1, confirmed: 0, benign: 0, 'taken-down': 1 });
    }));

  test('triage of an unknown domain changes nothing and says so with null', () =>
    using(makeStore, async (store) => {
      assert.equal(await store.setTriage('nowhere.example', 'benign'), null);
      assert.equal((await store.counts()).findings, 0);
    }));

  test('a later sighting does not reset the triage state', () =>
    using(makeStore, async (store) => {
      await store.recordHits([sighted({ name: 'en-marche.co', position: '1' })]);
      await store.setTriage('en-marche.co', 'benign');
      await store.recordHits([sighted({ name: 'en-marche.co', position: '2', score: 0.99 })]);
      assert.equal((await store.getFinding('en-marche.co'))?.state, 'benign');
    }));
}

export function factsContract(makeStore: MakeStore): void {
  test('the 2017 recorded facts are stored once however often they are added', () =>
    using(makeStore, async (store) => {
      const facts = caseFacts();
      assert.equal(await store.addFacts(facts), facts.length);
      assert.equal(await store.addFacts(facts), 0);
      assert.equal((await store.counts()).facts, facts.length);
      const about = await store.factsFor('portal-office.fr');
      assert.deepEqual(about.map((f) => [f.fact, f.value]).sort(), [['a', '194.187.249.135'], ['registrant_email', 'same-registrant-1@mail.com']]);
    }));

  test('a fact observed again later is history, oldest first, and shows on the finding', () =>
    using(makeStore, async (store) => {
      await store.recordHits([sighted({ name: 'portal-office.fr', position: '1' })]);
      const base = { subject: 'portal-office.fr', fact: 'a', source: 'dns' };
      await store.addFacts([
        { ...base, value: '198.51.100.7', observed: '2017-06-01T00:00:00Z' },
        { ...base, value: '194.187.249.135', observed: '2017-04-20T00:00:00Z' },
        { ...base, value: '194.187.249.135', observed: '2017-05-01T00:00:00Z' },
      ]);
      const facts = (await store.getFinding('portal-office.fr'))?.facts ?? [];
      assert.deepEqual(facts.map((f) => [f.value, f.observed]), [
        ['194.187.249.135', '2017-04-20T00:00:00Z'],
        ['194.187.249.135', '2017-05-01T00:00:00Z'],
        ['198.51.100.7', '2017-06-01T00:00:00Z'],
      ]);
      assert.deepEqual(await store.factsFor('nothing.example'), []);
    }));
}

export function queryContract(makeStore: MakeStore): void {
  async function fill(store: Store): Promise<void> {
    await store.recordHits([
      sighted({ name: 'onedrive-en-marche.fr', position: '1', score: 0.95, seenAt: '2017-04-20T00:00:00.000Z' }),
      sighted({ name: 'en-marche.co', position: '2', score: 0.8, seenAt: '2017-04-10T00:00:00.000Z' }),
      sighted({ name: 'portal-office.fr', position: '3', brand: 'Microsoft Office', brandDomain: 'office.com', score: 0.7, seenAt: '2017-04-22T00:00:00.000Z' }),
      sighted({ name: 'accounts-office.fr', position: '4', brand: 'Microsoft Office', brandDomain: 'office.com', score: 0.7, seenAt: '2017-04-25T00:00:00.000Z' }),
    ]);
    await store.setTriage('en-marche.co', 'confirmed');
  }
  const domains = (fs: readonly { domain: string }[]): string[] => fs.map((f) => f.domain);

  test('findings list highest score first, then most recently seen', () =>
    using(makeStore, async (store) => {
      await fill(store);
      assert.deepEqual(domains(await store.listFindings()), ['onedrive-en-marche.fr', 'en-marche.co', 'accounts-office.fr', 'portal-office.fr']);
      assert.deepEqual(domains(await store.listFindings({ limit: 2, offset: 1 })), ['en-marche.co', 'accounts-office.fr']);
    }));

  test('findings filter by state, brand name or domain, score and time', () =>
    using(makeStore, async (store) => {
      await fill(store);
      assert.deepEqual(domains(await store.listFindings({ state: 'confirmed' })), ['en-marche.co']);
      assert.deepEqual(domains(await store.listFindings({ brand: 'microsoft office' })), ['accounts-office.fr', 'portal-office.fr']);
      assert.deepEqual(domains(await store.listFindings({ brand: 'en-marche.fr', minScore: 0.9 })), ['onedrive-en-marche.fr']);
      assert.deepEqual(domains(await store.listFindings({ since: '2017-04-21' })), ['accounts-office.fr', 'portal-office.fr']);
      assert.deepEqual(await store.listFindings({ brand: 'nobody' }), []);
      assert.deepEqual(await store.listFindings({ state: 'new', minScore: 0.96 }), []);
    }));

  test('counts add up findings, sightings, facts and states', () =>
    using(makeStore, async (store) => {
      assert.deepEqual(await store.counts(), { findings: 0, sightings: 0, facts: 0, byState: { new: 0, confirmed: 0, benign: 0, 'taken-down': 0 } });
      await fill(store);
      await store.addFacts(caseFacts());
      const c = await store.counts();
      assert.equal(c.findings, 4);
      assert.equal(c.sightings, 4);
      assert.equal(c.facts, caseFacts().length);
      assert.deepEqual(c.byState, { new: 3, confirmed: 1, benign: 0, 'taken-down': 0 });
    }));
}
