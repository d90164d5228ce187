import { factMaker, type Fact } from '../types.js';
import type { Contact } from './jcard.js';
import type { RdapDomain } from './parse.js';

function contactFacts(add: (fact: string, value: string) => void, prefix: string, c: Contact | undefined): void {
  if (c === undefined) return;
  if (c.name !== undefined) add(`${prefix}_name`, c.name);
  if (c.org !== undefined) add(`${prefix}_org`, c.org);
  if (c.email !== undefined) add(`${prefix}_email`, c.email.toLowerCase());
  if (c.phone !== undefined) add(`${prefix}_phone`, c.phone);
  if (c.address !== undefined) add(`${prefix}_address`, c.address);
  if (c.country !== undefined) add(`${prefix}_country`, c.country.toUpperCase());
}

/** One fact per value: `registrar`, `created`, `status`, `nameserver` (one each), `abuse_email`… */
export function registrationFacts(d: RdapDomain, source: string, observed: string): Fact[] {
  const facts: Fact[] = [];
  const make = factMaker(d.domain, source, observed);
  const add = (fact: string, value: string): void => {
    facts.push(make(fact, value));
  };
  if (d.registrar !== undefined) {
    add('registrar', d.registrar.name);
    if (d.registrar.ianaId !== undefined) add('registrar_iana_id', d.registrar.ianaId);
  }
  if (d.created !== undefined) add('created', d.created);
  if (d.expires !== undefined) add('expires', d.expires);
  if (d.updated !== undefined) add('updated', d.updated);
  if (d.transferred !== undefined) add('transferred', d.transferred);
  for (const s of d.status) add('status', s);
  for (const ns of d.nameservers) add('nameserver', ns);
  contactFacts(add, 'abuse', d.abuse);
  contactFacts(add, 'registrant', d.registrant);
  if (d.registrant?.handle !== undefined) add('registrant_handle', d.registrant.handle);
  return facts;
}
