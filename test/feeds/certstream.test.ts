import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certstreamFeed, readCertstreamMessage, type FeedBatch } from '../../src/feeds/index.js';
import { CERTSTREAM_EXAMPLE, HEARTBEAT, startCertstreamServer, variation } from '../support/ct-certstream.js';

test('the real certstream message gives its names with the log, index, fingerprint, issuer and validity', () => {
  const m = readCertstreamMessage(CERTSTREAM_EXAMPLE, 'ws://x/', '2026-01-01T00:00:00.000Z');
  assert.equal(m.kind, 'names');
  if (m.kind !== 'names') return;
  assert.equal(m.log, 'ct.googleapis.com/logs/argon2020/');
  assert.equal(m.index, 343999487);
  assert.deepEqual(m.names.map((n) => n.name), ['access.smm-cheap.com', 'www.access.smm-cheap.com']);
  const p = m.names[0]!.provenance;
  assert.equal(p.source, 'certstream:ct.googleapis.com/logs/argon2020/');
  assert.equal(p.position, '343999487');
  assert.equal(p.seenAt, new Date(1581741558477.939).toISOString());
  assert.deepEqual(p.cert, {
    fingerprint: 'sha1:84e01801529308e0bc1cdac8b44864768a615632',
    precert: false,
    issuer: "Let's Encrypt Authority X3, Let's Encrypt",
    notBefore: '2020-02-15T03:35:41.000Z',
    notAfter: '2020-05-15T03:35:41.000Z',
  });
});

test('heartbeats are not entries; broken messages are malformed with a reason', () => {
  assert.equal(readCertstreamMessage(HEARTBEAT, 'u', 't').kind, 'heartbeat');
  const bad = [CERTSTREAM_EXAMPLE.slice(0, 200), '{"message_type":"certificate_update","data":{}}', '[1,2]', JSON.stringify({ message_type: 'certificate_update', data: { leaf_cert: { all_domains: [], subject: { CN: 'Jane Doe' } } } })];
  assert.deepEqual(
    bad.map((t) => readCertstreamMessage(t, 'u', 't')),
    [
      { kind: 'malformed', reason: 'not JSON' },
      { kind: 'malformed', reason: 'certificate_update without data.leaf_cert' },
      { kind: 'malformed', reason: 'message_type null' },
      { kind: 'malformed', reason: 'leaf_cert with no DNS name' },
    ],
  );
});

test('the client reconnects after the server closes, counts malformed messages, and stores a resent certificate once', async () => {
  const server = await startCertstreamServer([
    [CERTSTREAM_EXAMPLE, '{"message_type": "certificate_upd', HEARTBEAT, variation(343999488, ['en-marche-login.fr'])],
    [variation(343999488, ['en-marche-login.fr']), variation(343999489, ['mail-en-marche.fr', 'MAIL-en-marche.fr'])],
  ]);
  const stop = new AbortController();
  const warnings: string[] = [];
  const batches: FeedBatch[] = [];
  try {
    const feed = certstreamFeed({ url: server.url, resume: null, warn: (m) => warnings.push(m), signal: stop.signal, flushMs: 20, backoffMs: { base: 10, max: 50 } });
    for await (const b of feed) {
      batches.push(b);
      if (b.names.some((n) => n.name === 'mail-en-marche.fr')) stop.abort();
    }
    const names = batches.flatMap((b) => b.names.map((n) => n.name));
    assert.deepEqual(names, ['access.smm-cheap.com', 'www.access.smm-cheap.com', 'en-marche-login.fr', 'mail-en-marche.fr']);
    assert.equal(batches.reduce((s, b) => s + b.malformed, 0), 1);
    assert.ok(server.connections() >= 2, 'reconnected');
    assert.ok(warnings.some((w) => /malformed message \(not JSON\)/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /closed by the server \(1001 going away\); reconnecting in \d+ ms/.test(w)), warnings.join('\n'));
    assert.deepEqual(JSON.parse(batches.at(-1)!.checkpoint.value), { 'ct.googleapis.com/logs/argon2020/': 343999489 });
    assert.equal(batches.at(-1)!.checkpoint.key, `certstream:${server.url}`);
  } finally {
    stop.abort();
    await server.close();
  }
});

test('resuming from a checkpoint skips what was stored; with once the client ends when the server closes', async () => {
  const server = await startCertstreamServer([[CERTSTREAM_EXAMPLE, variation(343999490, ['new-en-marche.fr'])]]);
  try {
    const warnings: string[] = [];
    const resume = JSON.stringify({ 'ct.googleapis.com/logs/argon2020/': 343999489 });
    const got: string[] = [];
    for await (const b of certstreamFeed({ url: server.url, resume, once: true, warn: (m) => warnings.push(m), flushMs: 20 })) got.push(...b.names.map((n) => n.name));
    assert.deepEqual(got, ['new-en-marche.fr']);
    assert.match(warnings.join('\n'), /resuming; certificates logged while stopped were not seen/);
    assert.match(warnings.join('\n'), /not reconnecting \(--once\)/);
    assert.equal(server.connections(), 1);
  } finally {
    await server.close();
  }
});

test('a server that refuses connections is retried with backoff, without throwing', async () => {
  const server = await startCertstreamServer([[]]);
  const url = server.url;
  await server.close();
  const stop = new AbortController();
  const warnings: string[] = [];
  const feed = certstreamFeed({ url, resume: null, warn: (m) => (warnings.push(m), warnings.length >= 3 && stop.abort()), signal: stop.signal, backoffMs: { base: 5, max: 20 } });
  for await (const _ of feed) assert.fail('no batch expected');
  assert.ok(warnings.length >= 3);
  assert.match(warnings[0]!, /ECONNREFUSED.*reconnecting in \d+ ms/);
});
