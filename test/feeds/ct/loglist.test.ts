import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLogList } from '../../../src/feeds/ct/loglist.js';
import { SHARED_CT } from '../../support/ct-data.js';

test('the real v3 list: usable, qualified and readonly logs are followed; retired and state-less ones skipped', () => {
  const r = parseLogList(readFileSync(`${SHARED_CT}loglist3.json`, 'utf8'), 'loglist3.json');
  assert.ok(r.ok);
  assert.deepEqual(
    r.list.logs.map((l) => [l.name, l.state, l.kind]),
    [
      ['ct.googleapis.com/aviator', 'readonly', 'rfc6962'],
      ['ct.googleapis.com/icarus', 'usable', 'rfc6962'],
      ['ct.googleapis.com/rocketeer', 'usable', 'rfc6962'],
      ['ct.googleapis.com/logs/argon2020', 'qualified', 'rfc6962'],
    ],
  );
  assert.deepEqual(r.list.skipped.map((s) => s.reason), ['state none', 'state retired']);
  assert.ok(r.list.logs.every((l) => l.url.endsWith('/') && typeof l.key === 'string'));
});

test('the shipped default is the same list', () => {
  const shipped = readFileSync(new URL('../../../data/ct/loglist3.json', import.meta.url), 'utf8');
  assert.equal(shipped, readFileSync(`${SHARED_CT}loglist3.json`, 'utf8'));
});

test('tiled_logs are read from their monitoring_url, with the log key (sunlight rome2026h1 entry)', () => {
  const entry = JSON.parse(readFileSync(`${SHARED_CT}rome2026h1-test/log.v3.json`, 'utf8')) as Record<string, unknown>;
  const list = JSON.stringify({ operators: [{ name: 'x', tiled_logs: [entry, { ...entry, state: { rejected: {} } }] }] });
  const r = parseLogList(list, 'list');
  assert.ok(r.ok);
  assert.deepEqual(r.list.logs.map((l) => [l.name, l.state]), [['rome2026h1.example.org', 'readonly']], 'its `status` field is read');
  const withState = JSON.stringify({ operators: [{ name: 'x', tiled_logs: [{ ...entry, state: { readonly: {} } }, { ...entry, state: { rejected: {} } }] }] });
  const r2 = parseLogList(withState, 'list');
  assert.ok(r2.ok);
  assert.deepEqual(r2.list.logs.map((l) => [l.kind, l.url, l.key]), [['tiled', 'https://rome2026h1.example.org/', entry.key]]);
  assert.deepEqual(r2.list.skipped.map((s) => s.reason), ['state rejected']);
});

test('garbage is refused with the input named', () => {
  const r = parseLogList('{"operators":', 'bad.json');
  assert.ok(!r.ok);
  assert.match(r.message, /^bad\.json: not JSON/);
  const r2 = parseLogList('{}', 'empty.json');
  assert.ok(!r2.ok && /no "operators"/.test(r2.message));
});
