import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndicatorGraph } from '../../src/intel/index.js';

function small(): { g: IndicatorGraph; ip: number } {
  const g = new IndicatorGraph();
  const ip = g.node('ip', '194.187.249.135');
  const actor = g.node('actor', 'APT28');
  g.link(ip, actor, 'jar.csv', 'line 547', '2016-12', 0.5);
  g.link(ip, actor, 'jar.csv', 'line 548'); // same pair, same source: nothing new
  g.link(ip, actor, 'other.json', 'objects[3]');
  g.link(ip, g.node('report', 'JAR'), 'jar.csv', 'line 012');
  return { g, ip };
}

test('an edge is kept once per pair and source, with its position, time and weight as given', () => {
  const { g, ip } = small();
  assert.equal(g.edgeCount, 3);
  assert.deepEqual(
    g.neighbours(ip).map((n) => [n.kind, n.value, n.source, n.position, n.observed, n.weight]),
    [
      ['actor', 'APT28', 'jar.csv', 'line 547', '2016-12', 0.5],
      ['actor', 'APT28', 'other.json', 'objects[3]', undefined, 1],
      ['report', 'JAR', 'jar.csv', 'line 012', undefined, 1],
    ],
  );
});

test('freezing keeps every edge in both directions and refuses further links', () => {
  const { g, ip } = small();
  const before = g.neighbours(ip);
  const actor = g.find('actor', 'APT28') as number;
  g.freeze();
  assert.deepEqual(g.neighbours(ip), before);
  assert.deepEqual(g.neighbours(actor).map((n) => n.value), ['194.187.249.135', '194.187.249.135']);
  assert.equal(g.degree(ip), 3);
  assert.deepEqual([...g.edges(ip, 'report')].length, 1);
  assert.equal(g.node('ip', '194.187.249.135'), ip, 'known nodes are still found');
  assert.throws(() => g.link(ip, actor, 'new.csv', 'line 1'), /after freeze/);
  assert.throws(() => g.node('ip', '10.0.0.1'), /after freeze/);
});
