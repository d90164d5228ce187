import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Target } from '../../../src/engine/brands/target.js';
import { hashString, hashText } from '../../../src/engine/index/index.js';
import { EXACT, LabelTable, OWNER, SKELETON } from '../../../src/engine/brands/label-table.js';

test('hashText of a range equals hashString of the slice', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.nat(), (s, x, y) => {
      const a = x % (s.length + 1);
      const b = a + (y % (s.length - a + 1));
      return hashText(s, a, b) === hashString(s.slice(a, b));
    }),
    { numRuns: 2000 },
  );
});

/** Targets with only what the label table reads: the label, its skeleton, and whether it is a domain's label. */
function targetsOf(specs: readonly (readonly [string, string, boolean])[]): Target[] {
  return specs.map(([label, skeleton, isDomain], id) => ({ id, label, skeleton, isDomain }) as unknown as Target);
}

/** The owners as the scanner asks them: with the hash of the domain's first label. */
function ask(table: LabelTable, host: string, start: number): ReadonlySet<number> | undefined {
  const dot = host.indexOf('.', start);
  return table.ownersOf(table.find(hashText(host, start, dot < 0 ? host.length : dot)), host, start);
}

/** The ids of one kind filed under `hash`, in pool order. */
function idsOf(table: LabelTable, hash: number, kind: number): number[] {
  const slot = table.find(hash);
  const out: number[] = [];
  if (slot >= 0) for (let k = table.start(slot); k < table.end(slot); k++) if (table.kindAt(k) === kind) out.push(table.idAt(k));
  return out;
}

test('a host end is looked up as protectedFor.get(host.slice(start)) would, whether a target has its label or not', () => {
  const map = new Map<string, ReadonlySet<number>>([
    ['example.com', new Set([0])],
    ['example.co.uk', new Set([0, 2])],
    ['Mixed.Case.org', new Set([1])],
    ['b.com', new Set([3])],
  ]);
  // `b` and `Mixed` are no target's label.
  const table = new LabelTable(targetsOf([['example', 'exampIe', true], ['mixed', 'mixed', true], ['other', 'other', false]]), map);
  const hosts = ['example.com', 'www.example.com', 'xexample.com', 'example.co.uk', 'a.example.co.uk', 'mixed.case.org', 'x.Mixed.Case.org', 'b.com', 'ab.com', 'com', ''];
  for (const host of hosts) {
    for (let start = 0; start <= host.length; start++) assert.equal(ask(table, host, start), map.get(host.slice(start)), `${host} from ${start}`);
  }
});

test('property: under one hash come the exact targets, then the domain targets of that skeleton, each in id order, then the owners', () => {
  const word = fc.stringMatching(/^[a-c]{1,3}$/);
  fc.assert(
    fc.property(fc.array(fc.tuple(word, word, fc.boolean()), { maxLength: 40 }), fc.uniqueArray(fc.stringMatching(/^[a-c]{1,3}\.[a-c]{1,2}$/), { maxLength: 20 }), fc.array(word, { maxLength: 20 }), (specs, domains, probes) => {
      const targets = targetsOf(specs);
      const map = new Map<string, ReadonlySet<number>>(domains.map((d, i) => [d, new Set([i])]));
      const table = new LabelTable(targets, map);
      for (const w of [...specs.flatMap(([a, b]) => [a, b]), ...probes]) {
        const h = hashString(w);
        assert.deepEqual(idsOf(table, h, EXACT), targets.filter((t) => t.label === w).map((t) => t.id));
        assert.deepEqual(idsOf(table, h, SKELETON), targets.filter((t) => t.isDomain && t.skeleton === w).map((t) => t.id));
        const slot = table.find(h);
        if (slot < 0) continue;
        let kind = EXACT;
        for (let k = table.start(slot); k < table.end(slot); k++) {
          assert.ok(table.kindAt(k) >= kind, 'kinds in order');
          kind = table.kindAt(k);
        }
        assert.ok(kind <= OWNER);
      }
      for (const host of [...domains, ...probes.map((p) => `${p}.a`)]) {
        for (let start = 0; start <= host.length; start++) assert.equal(ask(table, host, start), map.get(host.slice(start)), `${host} from ${start}`);
      }
    }),
    { numRuns: 300 },
  );
});
