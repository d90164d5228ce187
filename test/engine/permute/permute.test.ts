import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { isValidHostname, permute, selectFuzzers, type Variant } from '../../../src/engine/permute/index.js';

const OPTIONS = { tlds: ['com', 'co', 'net', 'fr', 'com.br'], dictionary: ['mail', 'login', 'secure'] };

function domains(vs: readonly Variant[]): Set<string> {
  return new Set(vs.map((v) => v.domain));
}

function byFuzzer(vs: readonly Variant[], fuzzer: string): string[] {
  return vs.filter((v) => v.fuzzer === fuzzer).map((v) => v.domain);
}

test('en-marche.fr gives the classic lookalikes with their technique and fuzzer', () => {
  const vs = permute('en-marche.fr', OPTIONS);
  const find = (d: string): Variant | undefined => vs.find((v) => v.domain === d);
  assert.deepEqual(find('en-rnarche.fr'), { domain: 'en-rnarche.fr', display: 'en-rnarche.fr', technique: 'homoglyph', fuzzer: 'ascii-homoglyph' });
  assert.equal(find('en-marche.co')?.technique, 'tld-swap');
  assert.equal(find('en-mrache.fr')?.fuzzer, 'transposition');
  assert.equal(find('en-marhe.fr')?.fuzzer, 'omission');
  assert.equal(find('en-marchee.fr')?.technique, 'typo');
  assert.equal(find('en-mzrche.fr')?.fuzzer, 'replacement'); // a, z: neighbours on qwerty and azerty
  assert.equal(find('en-marche-fr.com')?.technique, 'levelsquat');
  assert.equal(find('en-marche.fr.com')?.fuzzer, 'add-tld');
  assert.equal(find('enmarche.fr')?.technique, 'hyphenation');
  assert.equal(find('en.marche.fr')?.technique, 'dot-insertion');
  assert.equal(find('en-marche-mail.fr')?.technique, 'combo');
  assert.equal(find('login-en-marche.fr')?.technique, 'combo');
  assert.equal(find('wwwen-marche.fr')?.fuzzer, 'missing-dot');
});

test('Unicode look-alikes come out as punycode with the Unicode form beside them', () => {
  const vs = permute('en-marche.fr', { families: ['idn'] });
  assert.ok(vs.length > 100, `only ${vs.length} IDN variants`);
  const cyrillicA = vs.find((v) => v.display === 'en-mаrche.fr'); // U+0430
  assert.equal(cyrillicA?.domain, domainToASCII('en-mаrche.fr'));
  assert.equal(cyrillicA?.technique, 'idn');
  for (const v of vs) {
    assert.match(v.domain, /xn--/);
    assert.notEqual(v.display, v.domain);
    assert.equal(domainToASCII(v.display), v.domain);
  }
});

test('keyboard slips follow qwerty, azerty and qwertz', () => {
  const vs = permute('circl.lu', { families: ['replacement'] });
  const got = domains(vs);
  assert.ok(got.has('xircl.lu')); // qwerty: c next to x
  assert.ok(got.has('cirxl.lu'));
  assert.ok(!got.has('pircl.lu')); // p is nowhere near c
  assert.ok(got.has('circm.lu')); // azerty: m sits right of l
  const qwertz = domains(permute('zoo.com', { families: ['replacement'] }));
  assert.ok(qwertz.has('too.com') && qwertz.has('uoo.com')); // qwertz: z between t and u
});

test('bitsquats keep only hostname characters', () => {
  const vs = byFuzzer(permute('circl.lu', { families: ['bitsquat'] }), 'bitsquat');
  assert.ok(vs.includes('aircl.lu')); // c 0x63 ^ 0x02 = a
  assert.ok(vs.includes('kircl.lu')); // c ^ 0x08 = k
  for (const d of vs) assert.match(d, /^[a-z0-9-]+\.lu$/);
});

test('a multi-label brand domain is flattened and its second level dropped', () => {
  const vs = permute('brand.gov.xx', { tlds: ['com'] });
  const got = domains(vs);
  for (const d of ['brand-gov-xx.com', 'brandgovxx.com', 'brand-gov.xx', 'brand.xx', 'brand.com', 'brand.gov.xx.com']) {
    assert.ok(got.has(d), d);
  }
  assert.equal(vs.find((v) => v.domain === 'brand.xx')?.fuzzer, 'sld-drop');
  assert.ok(got.has('brand.gov.uk') === false);
  assert.ok(domains(permute('ants.gouv.fr')).has('ants.fr'));
});

test('word fuzzers: homophones, misspellings, singular/plural, numerals', () => {
  const opts = {
    homophones: [['site', 'sight', 'cite']],
    misspellings: new Map([['project', ['projet', 'porject']]]),
  };
  const got = domains(permute('web-site.com', opts));
  assert.ok(got.has('web-sight.com') && got.has('web-cite.com'));
  assert.ok(got.has('web-sites.com') && got.has('webs-site.com'));
  assert.ok(domains(permute('misp-project.org', opts)).has('misp-projet.org'));
  const numerals = domains(permute('one-drive.com', { families: ['numeral-swap'] }));
  assert.ok(numerals.has('1-drive.com'));
  assert.ok(domains(permute('4chan.org', { families: ['numeral-swap'] })).has('fourchan.org'));
  assert.ok(domains(permute('accounts.com', { families: ['singular-plural'] })).has('account.com'));
});

test('families select by fuzzer or technique; unknown names are reported', () => {
  const typo = permute('circl.lu', { families: ['typo'] });
  assert.ok(typo.length > 0);
  assert.ok(typo.every((v) => v.technique === 'typo'));
  const om = permute('circl.lu', { families: ['omission'] });
  assert.deepEqual(om.map((v) => v.domain).sort(), ['circ.lu', 'cicl.lu', 'cirl.lu', 'crcl.lu', 'ircl.lu'].sort());
  assert.deepEqual(selectFuzzers(['typo', 'nope']), { ok: false, unknown: ['nope'] });
  assert.equal(permute('circl.lu', { families: ['nope'] }).length, 0);
});

test('bad input gives no variants rather than an error', () => {
  for (const bad of ['', 'co.uk', '-x.com', 'a..b.com', '127.0.0.1', 'x'.repeat(64) + '.com', 'ex ample.com']) {
    assert.deepEqual(permute(bad, OPTIONS), [], bad);
  }
});

test('the input may be given in upper case, with a trailing dot, or as Unicode', () => {
  const a = permute('EN-MARCHE.FR.', { families: ['omission'] });
  assert.ok(domains(a).has('en-arche.fr'));
  const idn = permute('bücher.de', { families: ['omission'] });
  assert.ok(idn.some((v) => v.display === 'bücer.de' && v.domain === domainToASCII('bücer.de')));
  assert.ok(!idn.some((v) => v.display === 'bücher.de'));
});

test('property: every variant is a valid hostname, differs from the input, and appears once', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
  const suffix = fc.constantFrom('com', 'fr', 'lu', 'co.uk', 'gov.xx', 'org');
  fc.assert(
    fc.property(label, suffix, fc.option(fc.constantFrom('www', 'mail.eu')), (l, s, sub) => {
      const input = `${sub === null ? '' : `${sub}.`}${l}.${s}`;
      const vs = permute(input, OPTIONS);
      const seen = new Set<string>();
      for (const v of vs) {
        assert.ok(isValidHostname(v.domain), v.domain);
        assert.equal(domainToASCII(v.domain), v.domain);
        assert.notEqual(v.domain, input);
        assert.ok(!seen.has(v.domain), `duplicate ${v.domain}`);
        seen.add(v.domain);
      }
    }),
    { numRuns: 40 },
  );
});

test('property: arbitrary domains never break the generator', () => {
  fc.assert(
    fc.property(fc.domain(), (d) => {
      const vs = permute(d, { families: ['typo', 'hyphenation', 'dot-insertion', 'bitsquat', 'levelsquat'], tlds: ['com'] });
      for (const v of vs) assert.ok(isValidHostname(v.domain) && v.domain !== d.toLowerCase(), v.domain);
    }),
    { numRuns: 60 },
  );
});
