import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../support/cli.js';
import { CERTSTREAM_EXAMPLE, HEARTBEAT, startCertstreamServer, variation } from '../support/ct-certstream.js';

const ZONE_OLD = ['$ORIGIN fr.', '@ IN SOA nic.fr. hostmaster.nic.fr. 1 3600 1800 3600000 5400', '@ IN NS d.nic.fr.', 'en-marche IN NS ns1.example.net.', 'example IN NS ns1.example.net.'];
const ZONE_NEW = [...ZONE_OLD, 'en-marche-login IN NS ns1.example.net.', 'this is ; not a record', 'mail-en-marche IN NS ns1.example.net.'];
const NRD = ['# 2017-04-15', 'onedrive-en-marche.fr', 'not a domain!', 'en-rnarche.fr', 'example.org'];

function tmp(): { dir: string; brands: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sw-watch-src-'));
  const brands = join(dir, 'brands.txt');
  writeFileSync(brands, 'en-marche.fr\n');
  return { dir, brands, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const domainsOf = (jsonl: string): string[] => jsonl.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { domain: string }).domain).sort();

test('watch reads a zone, a zone diff and a newly-registered list (broken lines named, skipped), follows no CT log, and resumes', async () => {
  const t = tmp();
  try {
    const [oldZ, newZ, nrd] = [join(t.dir, 'fr-0414.zone'), join(t.dir, 'fr.zone.gz'), join(t.dir, 'nrd.txt.gz')];
    writeFileSync(oldZ, ZONE_OLD.join('\n'));
    writeFileSync(newZ, gzipSync(ZONE_NEW.join('\n')));
    writeFileSync(nrd, gzipSync(NRD.join('\n')));
    const args = ['watch', '--brands', t.brands, '--db', join(t.dir, 'w.db'), '--zone', newZ, '--zone-diff', oldZ, newZ, '--nrd', nrd, '--once', '--no-enrich'];
    const c = captureIO();
    assert.equal(await main(args, c.io), 1, c.err());
    assert.deepEqual(domainsOf(c.out()), ['en-marche-login.fr', 'en-rnarche.fr', 'mail-en-marche.fr', 'onedrive-en-marche.fr']);
    assert.match(c.err(), /fr\.zone\.gz: line 7: not a resource record/);
    assert.match(c.err(), /nrd\.txt\.gz: line 3: not a domain name/);
    assert.match(c.err(), /zone:fr\.zone\.gz: 4 entries, 4 names, 1 malformed, 2 hits/);
    assert.match(c.err(), /zone-diff:fr\.zone\.gz: 2 entries, 2 names, 1 malformed, 2 hits/);
    assert.match(c.err(), /nrd:nrd\.txt\.gz: 3 entries, 3 names, 1 malformed, 2 hits/);
    assert.doesNotMatch(c.err(), /ct:|skipping/, 'no CT log followed when only files are named');

    const again = captureIO();
    assert.equal(await main(args, again.io), 0, again.err());
    assert.equal(again.out(), '');
    assert.match(again.err(), /zone:fr\.zone\.gz: resuming after line 8/);
    assert.doesNotMatch(again.err(), /not a (resource record|domain name)/, 'broken lines already stored past are not reported again');
  } finally {
    t.done();
  }
});

test('watch --certstream --once stores what the stream sends, counting the malformed message', async () => {
  const server = await startCertstreamServer([[CERTSTREAM_EXAMPLE, HEARTBEAT, 'not json', variation(343999488, ['en-marche-login.fr', '*.en-marche-login.fr'])]]);
  const t = tmp();
  try {
    const c = captureIO();
    assert.equal(await main(['watch', '--brands', t.brands, '--db', join(t.dir, 'c.db'), '--certstream', server.url, '--once', '--no-enrich'], c.io), 1, c.err());
    assert.deepEqual(domainsOf(c.out()), ['en-marche-login.fr']);
    assert.match(c.err(), new RegExp(`certstream:${server.url}: 3 entries, 4 names, 1 malformed`));
    assert.doesNotMatch(c.err(), /ct:/);
  } finally {
    t.done();
    await server.close();
  }
});

test('--zone-diff needs two files', async () => {
  const c = captureIO();
  assert.equal(await main(['watch', '--brands', 'x', '--zone-diff', 'only-one'], c.io), 2);
  assert.match(c.err(), /--zone-diff takes two files/);
});
