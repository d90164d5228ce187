import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/index.js';
import { captureIO } from '../support/cli.js';
import { startDnsServer } from '../support/dns-server.js';

test('watch enriches each new finding in the background: facts stored, and a risk line printed for what it found', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sw-watch-enrich-'));
  // The lookalike resolves to loopback and receives mail: DNS facts are stored, and the guard keeps TLS
  // and the web fetch from connecting to the loopback address (no test switch on the command line).
  const dns = await startDnsServer({
    records: [
      { name: 'mail-en-marche.com', type: 'A', data: '127.0.0.1' },
      { name: 'mail-en-marche.com', type: 'MX', data: { preference: 10, exchange: 'mx.mail-en-marche.com' } },
    ],
  });
  try {
    await writeFile(join(dir, 'b.yaml'), 'brands:\n  - name: En Marche\n    domains: [en-marche.fr]\n');
    await writeFile(join(dir, 'nrd.txt'), 'example.org\nmail-en-marche.com\n');
    const db = join(dir, 'w.db');
    const c = captureIO();
    const code = await main(['watch', '--brands', join(dir, 'b.yaml'), '--db', db, '--nrd', join(dir, 'nrd.txt'), '--once', '--resolver', dns.address, '--no-whois'], c.io);
    assert.equal(code, 1, c.err());
    const lines = c.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines[0]?.domain, 'mail-en-marche.com');
    const risk = lines.find((l) => l.event === 'risk');
    assert.ok(risk, c.out());
    assert.ok((risk.added as string[]).some((r) => /MX/.test(r)), JSON.stringify(risk));
    const store = openStore(db);
    const facts = await store.factsFor('mail-en-marche.com');
    await store.close();
    assert.ok(facts.some((f) => f.fact === 'mx' && f.value.includes('mx.mail-en-marche.com')));
    assert.ok(facts.some((f) => f.fact === 'address_class' && f.value.includes('loopback')));
    assert.ok(!facts.some((f) => f.fact === 'tls_fingerprint' || f.fact === 'http_status'), 'nothing connected to loopback');
  } finally {
    await dns.close();
    await rm(dir, { recursive: true, force: true });
  }
});
