/** Store contract, part 1: findings deduplicated per registrable domain, and idempotent sightings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseDomains, sighted } from './case-2017.js';
import { type MakeStore, using } from './with-store.js';

export function findingsContract(makeStore: MakeStore): void {
  test('the five 2017 domains are stored as five new findings with their brands', () =>
    using(makeStore, async (store) => {
      const cases = caseDomains();
      const result = await store.recordHits(
        cases.map((c, i) => sighted({ name: c.domain, brandDomain: c.brandDomain, position: String(i) })),
      );
      assert.deepEqual(result.newFindings.map((f) => f.domain).sort(), cases.map((c) => c.domain).sort());
      assert.equal(result.sightingsAdded, cases.length);
      const portal = result.newFindings.find((f) => f.domain === 'portal-office.fr');
      assert.equal(portal?.brands[0]?.brandDomain, 'office.com');
      assert.equal(portal?.state, 'new');
      assert.equal(portal?.sightings, 1);
    }));

  test('names under one registrable domain make one finding with one sighting each', () =>
    using(makeStore, async (store) => {
      await store.recordHits([
        sighted({ name: 'en-marche.co', position: '1' }),
        sighted({ name: 'login.en-marche.co', domain: 'en-marche.co', position: '2' }),
      ]);
      const r = await store.recordHits([sighted({ name: 'www.en-marche.co', domain: 'en-marche.co', position: '3' })]);
      assert.deepEqual(r.newFindings, [], 'a later batch under a known domain reports nothing new');
      const all = await store.listFindings();
      assert.equal(all.length, 1);
      assert.equal(all[0]?.sightings, 3);
      const detail = await store.getFinding('en-marche.co');
      assert.deepEqual(detail?.sightingList.map((s) => s.name).sort(), ['en-marche.co', 'login.en-marche.co', 'www.en-marche.co']);
    }));

  test('a finding keeps the best hit per brand, and its score is the best over its brands', () =>
    using(makeStore, async (store) => {
      const name = 'onedrive-en-marche.fr';
      await store.recordHits([
        sighted({ name, position: '1', score: 0.6, reasons: ['weak'] }),
        sighted({ name, position: '2', brand: 'Microsoft OneDrive', brandDomain: 'onedrive.com', score: 0.7 }),
      ]);
      await store.recordHits([
        sighted({ name, position: '3', score: 0.95, techniques: ['combo', 'hyphenation'], reasons: ['strong'] }),
        sighted({ name, position: '4', brand: 'Microsoft OneDrive', brandDomain: 'onedrive.com', score: 0.5 }),
      ]);
      const f = await store.getFinding(name);
      assert.equal(f?.score, 0.95);
      assert.deepEqual(f?.brands.map((b) => [b.brand, b.score]), [['En Marche', 0.95], ['Microsoft OneDrive', 0.7]]);
      assert.deepEqual(f?.brands[0]?.techniques, ['combo', 'hyphenation']);
      assert.deepEqual(f?.brands[0]?.reasons, ['strong']);
    }));

  test('a name that imitates two brands is one sighting with two brand matches', () =>
    using(makeStore, async (store) => {
      const name = 'onedrive-en-marche.fr';
      const r = await store.recordHits([
        sighted({ name, position: '7' }),
        sighted({ name, position: '7', brand: 'Microsoft OneDrive', brandDomain: 'onedrive.com' }),
      ]);
      assert.equal(r.newFindings.length, 1);
      assert.equal(r.sightingsAdded, 1);
      assert.equal(r.newFindings[0]?.brands.length, 2);
      assert.equal(r.newFindings[0]?.sightings, 1);
    }));

  test('an IDN finding is keyed by punycode, shown in Unicode, and found either way', () =>
    using(makeStore, async (store) => {
      await store.recordHits([sighted({ name: 'xn--n-marche-2cb.fr', position: '1' })]);
      const f = await store.getFinding('ĒN-MARCHE.FR');
      assert.equal(f?.domain, 'xn--n-marche-2cb.fr');
      assert.equal(f?.display, 'ēn-marche.fr');
      assert.equal((await store.getFinding('XN--N-MARCHE-2CB.FR.'))?.domain, 'xn--n-marche-2cb.fr');
      assert.equal(await store.getFinding('unknown.example'), null);
    }));
}

export function sightingsContract(makeStore: MakeStore): void {
  test('a replayed batch adds no sighting and reports no new finding', () =>
    using(makeStore, async (store) => {
      const batch = caseDomains().map((c, i) => sighted({ name: c.domain, position: String(i) }));
      await store.recordHits(batch);
      const replayed = batch.map((s) => ({ ...s, provenance: { ...s.provenance, seenAt: '2017-04-21T00:00:00.000Z' } }));
      const r = await store.recordHits(replayed);
      assert.deepEqual(r, { newFindings: [], sightingsAdded: 0 });
      const counts = await store.counts();
      assert.equal(counts.sightings, batch.length);
      const f = await store.getFinding('mail-en-marche.fr');
      assert.equal(f?.sightings, 1);
      assert.equal(f?.lastSeen, '2017-04-20T10:00:00.000Z', 'a replay does not move last_seen');
    }));

  test('the same name from another source or position is another sighting', () =>
    using(makeStore, async (store) => {
      const name = 'accounts-office.fr';
      const r = await store.recordHits([
        sighted({ name, source: 'ct:a', position: '1' }),
        sighted({ name, source: 'ct:b', position: '1' }),
        sighted({ name, source: 'ct:a', position: '2' }),
        sighted({ name, source: 'ct:a', position: '1' }),
      ]);
      assert.equal(r.sightingsAdded, 3);
      assert.equal((await store.getFinding(name))?.sightings, 3);
    }));

  test('without a position, a sighting is identified by its time', () =>
    using(makeStore, async (store) => {
      const name = 'portal-office.fr';
      const r = await store.recordHits([
        sighted({ name, source: 'certstream', seenAt: '2017-04-20T10:00:00.000Z' }),
        sighted({ name, source: 'certstream', seenAt: '2017-04-20T10:00:00.000Z' }),
        sighted({ name, source: 'certstream', seenAt: '2017-04-22T10:00:00.000Z' }),
      ]);
      assert.equal(r.sightingsAdded, 2);
      const f = await store.getFinding(name);
      assert.deepEqual(f?.sightingList.map((s) => [s.position, s.seenAt]), [
        [null, '2017-04-20T10:00:00.000Z'],
        [null, '2017-04-22T10:00:00.000Z'],
      ]);
    }));

  test('first and last seen widen with sightings recorded out of order, and certificates are kept', () =>
    using(makeStore, async (store) => {
      const name = 'en-marche.co';
      await store.recordHits([sighted({ name, position: '5', seenAt: '2017-04-15T00:00:00.000Z' })]);
      await store.recordHits([
        sighted({ name, position: '9', seenAt: '2017-04-25T00:00:00.000Z', fingerprint: 'ab'.repeat(32), issuer: "Let's Encrypt" }),
        sighted({ name, position: '1', seenAt: '2017-04-10T00:00:00.000Z' }),
      ]);
      const f = await store.getFinding(name);
      assert.equal(f?.firstSeen, '2017-04-10T00:00:00.000Z');
      assert.equal(f?.lastSeen, '2017-04-25T00:00:00.000Z');
      assert.deepEqual(f?.sightingList.map((s) => s.position), ['1', '5', '9'], 'oldest first');
      const last = f?.sightingList.at(-1);
      assert.equal(last?.certFingerprint, 'ab'.repeat(32));
      assert.equal(last?.certIssuer, "Let's Encrypt");
      assert.equal(f?.sightingList[0]?.certFingerprint, null);
      assert.deepEqual((await store.getFinding(name, { maxSightings: 2 }))?.sightingList.map((s) => s.position), ['5', '9']);
    }));
}
