import { parseJCard, type Contact } from './jcard.js';

/** What enrichment keeps of an RDAP domain answer (RFC 9083). Every string is attacker-supplied data. */
export interface RdapDomain {
  readonly domain: string;
  readonly registrar?: { readonly name: string; readonly ianaId?: string; readonly handle?: string };
  /** ISO 8601 when the server's date could be read, else as given. */
  readonly created?: string;
  readonly expires?: string;
  readonly updated?: string;
  readonly transferred?: string;
  readonly status: readonly string[];
  readonly nameservers: readonly string[];
  readonly abuse?: Contact;
  readonly registrant?: Contact & { readonly handle?: string };
  /** The port-43 server the answer names, if any. */
  readonly whoisServer?: string;
}

export type RdapParse = { readonly ok: true; readonly domain: RdapDomain } | { readonly ok: false; readonly message: string };

interface Entity {
  readonly roles: readonly string[];
  readonly handle?: string;
  readonly contact: Contact;
  readonly ianaId?: string;
  readonly nested: readonly Entity[];
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Reads one entity (and the entities inside it, where registrars keep their abuse contact). */
export function parseEntity(v: unknown, depth = 0): Entity | undefined {
  const e = obj(v);
  if (e === undefined || depth > 4) return undefined;
  const ids = Array.isArray(e['publicIds']) ? e['publicIds'].map(obj) : [];
  const iana = ids.find((p) => typeof p?.['type'] === 'string' && /iana/i.test(p['type']));
  const ianaId = iana?.['identifier'];
  return {
    roles: strings(e['roles']).map((r) => r.toLowerCase()),
    handle: typeof e['handle'] === 'string' ? e['handle'] : undefined,
    contact: parseJCard(e['vcardArray']),
    ianaId: typeof ianaId === 'string' || typeof ianaId === 'number' ? String(ianaId) : undefined,
    nested: (Array.isArray(e['entities']) ? e['entities'] : []).map((n) => parseEntity(n, depth + 1)).filter((n): n is Entity => n !== undefined),
  };
}

/** A date as ISO 8601 UTC; dates without a zone are read as UTC (Verisign's pilot omits it). */
export function isoDate(raw: string): string {
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`;
  const t = Date.parse(zoned);
  return Number.isNaN(t) ? raw : new Date(t).toISOString();
}

function events(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const ev of Array.isArray(v) ? v : []) {
    const e = obj(ev);
    const action = e?.['eventAction'];
    const date = e?.['eventDate'];
    if (typeof action === 'string' && typeof date === 'string' && !out.has(action.toLowerCase())) out.set(action.toLowerCase(), isoDate(date));
  }
  return out;
}

const nameOf = (e: Entity): string | undefined => e.contact.name ?? e.contact.org ?? e.handle;

/** Reads an RDAP domain answer; `origin` (the URL) names it in messages. */
export function parseRdapDomain(json: unknown, origin: string): RdapParse {
  const d = obj(json);
  if (d === undefined) return { ok: false, message: `${origin}: answer is not a JSON object` };
  if (d['objectClassName'] !== 'domain') {
    const cls = typeof d['objectClassName'] === 'string' ? d['objectClassName'] : 'none';
    return { ok: false, message: `${origin}: objectClassName is ${JSON.stringify(cls).slice(0, 40)}, not "domain"` };
  }
  const name = d['ldhName'] ?? d['unicodeName'];
  if (typeof name !== 'string') return { ok: false, message: `${origin}: domain answer without ldhName` };
  const entities = (Array.isArray(d['entities']) ? d['entities'] : []).map((e) => parseEntity(e)).filter((e): e is Entity => e !== undefined);
  const withRole = (list: readonly Entity[], role: string): Entity | undefined => list.find((e) => e.roles.includes(role));
  const registrar = withRole(entities, 'registrar');
  const abuse = withRole(registrar?.nested ?? [], 'abuse') ?? withRole(entities, 'abuse');
  const registrant = withRole(entities, 'registrant');
  const ev = events(d['events']);
  const registrarName = registrar === undefined ? undefined : nameOf(registrar);
  const nameservers = (Array.isArray(d['nameservers']) ? d['nameservers'] : [])
    .map((n) => obj(n)?.['ldhName'])
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.toLowerCase().replace(/\.$/, ''));
  return {
    ok: true,
    domain: {
      domain: name.toLowerCase(),
      registrar: registrarName === undefined ? undefined : { name: registrarName, ianaId: registrar?.ianaId, handle: registrar?.handle },
      created: ev.get('registration'),
      expires: ev.get('expiration'),
      updated: ev.get('last changed'),
      transferred: ev.get('transfer'),
      status: strings(d['status']),
      nameservers,
      abuse: abuse?.contact,
      registrant: registrant === undefined ? undefined : { ...registrant.contact, handle: registrant.handle },
      whoisServer: typeof d['port43'] === 'string' ? d['port43'] : undefined,
    },
  };
}
