import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseName } from '../../../src/engine/index.js';
import { sharedText } from '../../support/shared.js';

test('the Public Suffix List official test vectors give the registrable domain', () => {
  const failures: string[] = [];
  let checked = 0;
  for (const raw of sharedText('psl/tests.txt').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    const [input, expected] = line.split(/\s+/);
    if (input === undefined || expected === undefined || input === 'null') continue;
    checked++;
    const r = parseName(input);
    const got = r.ok ? r.name.domain : 'null';
    const want = expected === 'null' ? 'null' : (parseName(expected).ok ? expected.toLowerCase() : expected);
    // The vectors give Unicode where the input is Unicode; we answer in ASCII (punycode): compare in ASCII.
    const wantAscii = want === 'null' ? 'null' : new URL(`http://${want}`).hostname;
    if (got !== wantAscii) failures.push(`${input}: expected ${wantAscii}, got ${got}${r.ok ? '' : ` (${r.error})`}`);
  }
  assert.ok(checked > 60, `read ${checked} vectors`);
  assert.deepEqual(failures, []);
});

test('a name is lower-cased, loses its trailing dot and wildcard, and keeps its subdomain apart', () => {
  const r = parseName('*.Mail.En-Marche.FR.');
  assert.ok(r.ok);
  assert.deepEqual([r.name.host, r.name.domain, r.name.label, r.name.suffix, r.name.sub], ['mail.en-marche.fr', 'en-marche.fr', 'en-marche', 'fr', 'mail']);
});

test('private suffixes count: a GitHub Pages site is its own registrable domain', () => {
  const r = parseName('login.en-marche.github.io');
  assert.ok(r.ok);
  assert.equal(r.name.domain, 'en-marche.github.io');
  assert.equal(r.name.label, 'en-marche');
});

test('IDN both ways: Unicode in gives punycode for matching and Unicode for display', () => {
  const a = parseName('аpple.com');
  const b = parseName('xn--pple-43d.com');
  assert.ok(a.ok && b.ok);
  assert.equal(a.name.host, 'xn--pple-43d.com');
  assert.equal(b.name.display, 'аpple.com');
  assert.equal(b.name.uLabel, 'аpple');
  assert.ok(b.name.idn);
});

test('bad names give a reason code and never throw', () => {
  const cases: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    [`${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.com`, 'too-long'],
    [`${'x'.repeat(64)}.com`, 'label-too-long'],
    ['a..b.com', 'empty-label'],
    ['-bad.com', 'bad-hyphen'],
    ['bad-.com', 'bad-hyphen'],
    ['exa mple.com', 'bad-character'],
    ['xn--zz.com', 'bad-punycode'],
    ['192.0.2.1', 'ip-address'],
    ['[2001:db8::1]', 'ip-address'],
    ['localhost', 'no-suffix'],
    ['com', 'no-suffix'],
  ];
  for (const [input, error] of cases) {
    const r = parseName(input);
    assert.equal(r.ok ? 'ok' : r.error, error, JSON.stringify(input));
  }
});

test('property: parseName never throws, and what it accepts is a valid lower-case ASCII host', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.domain(), fc.webUrl()), (s) => {
      const r = parseName(s);
      if (!r.ok) return true;
      const h = r.name.host;
      return h.length <= 253 && /^[a-z0-9_.-]+$/.test(h) && h.split('.').every((l) => l.length >= 1 && l.length <= 63) && h.endsWith(r.name.domain);
    }),
    { numRuns: 3000 },
  );
});

test('property: the fast path for canonical names agrees with the general path', () => {
  // A leading space is trimmed by the general path and sends any name there: both answers must match.
  const label = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
  const host = fc.oneof(
    fc.domain(),
    fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.')),
    fc.tuple(fc.array(fc.constantFrom('xn--pple-43d', 'www', '192', 'a-', 'github', 'co', 'uk', 'jp', 'ck', ''), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([ls, star]) => (star ? '*.' : '') + ls.join('.')),
  );
  fc.assert(
    fc.property(host, (s) => {
      assert.deepEqual(parseName(s), parseName(` ${s}`), JSON.stringify(s));
    }),
    { numRuns: 5000 },
  );
});

test('the fast path leaves upper case, IDN, trailing dots, IPv4 and wildcards past the first to the general path', () => {
  const cases: [string, string][] = [
    ['Mail.Example.com', 'mail.example.com'],
    ['*.mail.example.com', 'mail.example.com'],
    ['xn--pple-43d.com', 'xn--pple-43d.com'],
    ['example.com.', 'example.com'],
  ];
  for (const [input, host] of cases) {
    const r = parseName(input);
    assert.ok(r.ok, input);
    assert.equal(r.name.host, host);
    assert.equal(r.name.display === host, !input.includes('xn--'), input);
  }
  for (const [input, error] of [['10.0.0.1', 'ip-address'], ['*.*.example.com', 'bad-character'], ['*.', 'bad-character'], ['com.', 'no-suffix'], ['github.io', 'no-suffix']] as const) {
    const r = parseName(input);
    assert.equal(r.ok ? 'ok' : r.error, error, input);
  }
});
