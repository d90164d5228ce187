import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HashMultimap, hashString, hashText } from '../../../src/engine/index/index.js';
import { ProtectedDomains } from '../../../src/engine/match/protected-domains.js';

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

/** An exact index (hash of a label → ids) holding these labels. */
function exactOf(labels: readonly string[]): HashMultimap {
  return new HashMultimap(labels.map(hashString), labels.map((_, i) => i));
}

/** The lookup as the scanner makes it: with the hash of the domain's first label and what the exact index said of it. */
function ask(domains: ProtectedDomains, exact: HashMultimap, host: string, start: number): ReadonlySet<number> | undefined {
  const dot = host.indexOf('.', start);
  const labelHash = hashString(host.slice(start, dot < 0 ? host.length : dot));
  return domains.get(exact.find(labelHash), labelHash, host, start);
}

test('a host end is looked up as protectedFor.get(host.slice(start)) would', () => {
  const map = new Map<string, ReadonlySet<number>>([
    ['example.com', new Set([0])],
    ['example.co.uk', new Set([0, 2])],
    ['Mixed.Case.org', new Set([1])],
    ['b.com', new Set([3])],
  ]);
  // `b` and `Mixed` are no target's label: those two domains are asked whatever the exact index says.
  const exact = exactOf(['example', 'mixed', 'other']);
  const domains = new ProtectedDomains(map, exact);
  const hosts = ['example.com', 'www.example.com', 'xexample.com', 'example.co.uk', 'a.example.co.uk', 'mixed.case.org', 'x.Mixed.Case.org', 'b.com', 'ab.com', 'com', ''];
  for (const host of hosts) {
    for (let start = 0; start <= host.length; start++) {
      assert.equal(ask(domains, exact, host, start), map.get(host.slice(start)), `${host} from ${start}`);
    }
  }
});

test('property: lookups agree with the Map on random domains, present or not', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-c]{1,4}\.[a-c]{1,3}$/), { maxLength: 30 }), fc.array(fc.stringMatching(/^[a-c.]{0,9}$/), { maxLength: 30 }), fc.array(fc.stringMatching(/^[a-c]{1,4}$/), { maxLength: 20 }), (keys, probes, labels) => {
      const map = new Map<string, ReadonlySet<number>>(keys.map((k, i) => [k, new Set([i])]));
      const exact = exactOf(labels);
      const domains = new ProtectedDomains(map, exact);
      for (const host of [...keys, ...probes]) {
        for (let start = 0; start <= host.length; start++) if (ask(domains, exact, host, start) !== map.get(host.slice(start))) return false;
      }
      return true;
    }),
    { numRuns: 300 },
  );
});
