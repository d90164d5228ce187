import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessRisk } from '../../src/enrich/risk.js';
import type { Fact } from '../../src/enrich/types.js';

const fact = (f: string, value: string): Fact => ({ subject: 'en-marche-fr.test', fact: f, value, observed: '2017-04-15T00:00:00Z', source: 't' });
const NOW = new Date('2017-04-15T00:00:00Z');

test('a fresh registration with a free certificate taken hours later is reported with both reasons', () => {
  const r = assessRisk(
    [fact('created', '2017-04-12T08:00:00.000Z'), fact('tls_issuer', "C=US, O=Let's Encrypt, CN=Let's Encrypt Authority X3"), fact('tls_not_before', '2017-04-12T11:00:00.000Z')],
    NOW,
  );
  assert.deepEqual(r.adjustments.map((a) => a.reason), ['registered 2 day(s) ago', "free DV certificate (C=US, O=Let's Encrypt, CN=Let's Encrypt Authority X3) issued 3 h after registration"]);
  assert.equal(r.delta, 0.35);
});

test('an old domain with a paid certificate gets no adjustment', () => {
  const r = assessRisk([fact('created', '2010-01-01T00:00:00Z'), fact('tls_issuer', 'CN=DigiCert'), fact('tls_not_before', '2017-04-12T11:00:00Z')], NOW);
  assert.deepEqual(r.adjustments, []);
  assert.equal(r.delta, 0);
});

test('a form posting to another site, low similarity ignored, and the total is clamped to 1', () => {
  const r = assessRisk(
    [
      fact('final_url', 'https://en-marche-fr.test/'),
      fact('form_action', 'https://en-marche-fr.test/login'),
      fact('form_action', 'https://collect.test/gate.php'),
      fact('password_form', 'true'),
      fact('brand_similarity', 'En Marche=0.1'),
      fact('brand_similarity', 'Other=brand=0.9'),
      fact('brand_favicon', 'En Marche'),
      fact('brand_favicon', 'Other'),
      fact('mx', '10 mx.test'),
      fact('created', '2017-04-01T00:00:00Z'),
    ],
    NOW,
  );
  const reasons = r.adjustments.map((a) => a.reason);
  assert.ok(reasons.includes('a form sends its data to another site (https://collect.test/gate.php)'));
  assert.ok(reasons.includes("page 90% similar to Other=brand's"));
  assert.ok(!reasons.some((x) => x.includes('10%')));
  assert.ok(reasons.includes('registered 14 days ago'));
  assert.equal(r.delta, 1);
});
