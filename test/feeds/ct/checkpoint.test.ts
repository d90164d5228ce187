import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { logKeyFromBase64, parseCheckpoint, verifyCheckpoint, type LogKey } from '../../../src/feeds/ct/checkpoint.js';
import { SHARED_CT } from '../../support/ct-data.js';

const dir = `${SHARED_CT}rome2026h1-test/`;
const text = readFileSync(`${dir}checkpoint`, 'utf8');
const log = JSON.parse(readFileSync(`${dir}log.v3.json`, 'utf8')) as { key: string; log_id: string; final_tree_head: { sha256_root_hash: string; tree_size: number } };

function key(): LogKey {
  const k = logKeyFromBase64(log.key);
  assert.ok(typeof k !== 'string', String(k));
  return k;
}

test('the log key from log.v3.json hashes to its log_id', () => {
  assert.equal(key().logId.toString('base64'), log.log_id);
});

test("sunlight's real rome2026h1 checkpoint parses and its ECDSA note signature verifies with the log key", () => {
  const r = parseCheckpoint(text);
  assert.ok(r.ok);
  assert.equal(r.checkpoint.origin, 'rome2026h1.example.org');
  assert.equal(r.checkpoint.treeSize, log.final_tree_head.tree_size);
  assert.equal(Buffer.from(r.checkpoint.rootHash).toString('base64'), log.final_tree_head.sha256_root_hash);
  const v = verifyCheckpoint(r.checkpoint, key());
  assert.ok(v.ok, v.ok ? '' : v.message);
  assert.equal(v.head.timestamp, 1767139200000);
});

test('a tampered tree size or root hash fails verification', () => {
  for (const bad of [text.replace('\n300\n', '\n301\n'), text.replace('lCkH', 'lCkI')]) {
    const r = parseCheckpoint(bad);
    assert.ok(r.ok);
    const v = verifyCheckpoint(r.checkpoint, key());
    assert.ok(!v.ok);
    assert.match(v.message, /does not verify/);
  }
});

test('a signature under another key name, or by another key, is not accepted', () => {
  const r = parseCheckpoint(text);
  assert.ok(r.ok);
  assert.match((verifyCheckpoint(r.checkpoint, key(), 'other.example') as { message: string }).message, /no signature by key/);
  const other = logKeyFromBase64('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETtK8v7MICve56qTHHDhhBOuV4IlUaESxZryCfk9QbG9co/CqPvTsgPDbCpp6oFtyAHwlDhnvr7JijXRD9Cb2FA==');
  assert.ok(typeof other !== 'string');
  assert.equal(verifyCheckpoint(r.checkpoint, other).ok, false);
});

test('malformed checkpoints give a message with the line and reason', () => {
  const cases: [string, RegExp][] = [
    ['', /no blank line/],
    ['o\nx\nAAAA\n\n\u2014 o AAAA\n', /line 2: tree size/],
    ['o\n1\n!!\n\n\u2014 o AAAA\n', /line 3: root hash is not base64/],
    ['o\n1\nAAAA\n\n\u2014 o AAAA\n', /root hash has 3 bytes/],
    [text.replace('\u2014', '-'), /malformed signature line/],
  ];
  for (const [input, want] of cases) {
    const r = parseCheckpoint(input, 'cp');
    assert.ok(!r.ok, JSON.stringify(input));
    assert.match(r.message, want);
    assert.match(r.message, /^cp: line \d+/);
  }
});
