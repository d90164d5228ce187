import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEntity, parseRdapDomain, registrationFacts, parseJCard, parseWhois } from '../../../src/enrich/rdap/index.js';
import { sharedText } from '../../support/shared.js';
import { ICANN_FORMAT } from '../../support/rdap-server.js';

const EXAMPLE_CZ = JSON.parse(sharedText('rdap/rdap/rdap.nic.cz/domain-example.cz.json')) as unknown;
const VRSN = JSON.parse(sharedText('rdap/rdap/rdap-pilot.verisignlabs.com/entity-1-VRSN')) as unknown;

test("CZ.NIC's real answer for example.cz gives registrar, dates, status, name servers and registrant", () => {
  const r = parseRdapDomain(EXAMPLE_CZ, 'https://rdap.nic.cz/domain/example.cz');
  assert.ok(r.ok);
  assert.deepEqual(r.domain, {
    domain: 'example.cz',
    registrar: { name: 'REG-INTERNET-CZ', ianaId: undefined, handle: 'REG-INTERNET-CZ' },
    created: '2004-08-30T22:55:00.000Z',
    expires: '2019-08-30T12:00:00.000Z',
    updated: undefined,
    transferred: '2007-01-25T02:05:00.000Z',
    status: ['active'],
    nameservers: ['ns2.pipni.cz', 'ns3.pipni.cz', 'ns.pipni.cz'],
    abuse: undefined,
    registrant: { handle: 'SB:EXAMPLE' },
    whoisServer: 'whois.nic.cz',
  });
});

test("Verisign's registrar entity gives its vCard name, IANA id, address and e-mail", () => {
  const e = parseEntity(VRSN);
  assert.equal(e?.ianaId, '1');
  assert.deepEqual(e?.roles, ['registrar']);
  assert.deepEqual(e?.contact, {
    name: 'Verisign, Inc.~VRSN',
    address: '21345 Ridgetop Circle, Dulles, VA, 20166, US',
    country: 'US',
    email: 'namestore-admin@verisign.com',
  });
});

test('a domain whose registrar entity carries a vCard, IANA id and a nested abuse contact', () => {
  const vrsn = VRSN as Record<string, unknown>;
  const answer = {
    ...(EXAMPLE_CZ as Record<string, unknown>),
    entities: [{ ...vrsn, entities: [{ roles: ['abuse'], vcardArray: ['vcard', [['email', {}, 'text', 'Abuse@Example.net'], ['tel', {}, 'uri', 'tel:+1.5555550100']]] }] }],
  };
  const r = parseRdapDomain(answer, 'x');
  assert.ok(r.ok);
  assert.deepEqual(r.domain.registrar, { name: 'Verisign, Inc.~VRSN', ianaId: '1', handle: '1~VRSN' });
  assert.deepEqual(r.domain.abuse, { email: 'Abuse@Example.net', phone: '+1.5555550100' });
  const facts = registrationFacts(r.domain, 'rdap:rdap.nic.cz', '2026-01-01T00:00:00.000Z');
  const pairs = facts.map((f) => `${f.fact}=${f.value}`);
  assert.ok(pairs.includes('registrar=Verisign, Inc.~VRSN'));
  assert.ok(pairs.includes('registrar_iana_id=1'));
  assert.ok(pairs.includes('abuse_email=abuse@example.net'));
  assert.equal(pairs.filter((p) => p.startsWith('nameserver=')).length, 3);
  assert.ok(facts.every((f) => f.subject === 'example.cz' && f.source === 'rdap:rdap.nic.cz' && f.observed === '2026-01-01T00:00:00.000Z'));
});

test('answers that are not domains are refused with a reason', () => {
  const r = parseRdapDomain(VRSN, 'u');
  assert.ok(!r.ok && /objectClassName is "entity"/.test(r.message));
  assert.ok(!parseRdapDomain('x', 'u').ok);
  assert.ok(!parseRdapDomain({ objectClassName: 'domain' }, 'u').ok);
});

test('a malformed jCard yields an empty contact instead of an error', () => {
  assert.deepEqual(parseJCard(['vcard', 'x']), {});
  assert.deepEqual(parseJCard({ fn: 'x' }), {});
  assert.deepEqual(parseJCard(['vcard', [['fn'], [7], ['fn', {}, 'text', '  Jo  ']]]), { name: 'Jo' });
});


test('WHOIS text in the ICANN format maps onto the same fields as RDAP', () => {
  const d = parseWhois('en-marche-fr.info', ICANN_FORMAT);
  assert.equal(d.registrar?.name, 'Example Registrar, Inc.');
  assert.equal(d.registrar?.ianaId, '9999');
  assert.equal(d.created, '2017-04-10T09:15:00.000Z');
  assert.equal(d.expires, '2018-04-10T09:15:00.000Z');
  assert.equal(d.updated, '2017-04-12T10:00:00.000Z');
  assert.deepEqual(d.status, ['clientTransferProhibited']);
  assert.deepEqual(d.nameservers, ['ns1.example-dns.test', 'ns2.example-dns.test']);
  assert.equal(d.abuse?.email, 'abuse@example-registrar.test');
  assert.equal(d.registrant?.org, 'Privacy service');
  assert.equal(d.registrant?.country, 'PA');
});
