import net from 'node:net';
import { addressFor } from '../address-for.js';
import type { Polite } from '../policy/index.js';
import type { NetDeps } from '../types.js';
import { isoDate, type RdapDomain } from './parse.js';

/**
 * WHOIS (port 43) fallback, for TLDs whose registry has no RDAP server. Caveats, which is why RDAP
 * comes first: WHOIS has no schema — every registry words its keys its own way (the ICANN 2013
 * format is common in gTLDs, ccTLDs vary widely), dates come in many formats and zones, privacy
 * services replace registrant fields, thin registries only refer to the registrar's server (one
 * referral is followed here), "not found" is free text, the text may be in any encoding (read as
 * UTF-8 / Latin-1 here), and rate limits are strict and silent (answers simply stop).
 */
export interface WhoisDeps extends NetDeps {
  /** Tests run their server elsewhere than 43. */
  readonly port?: number;
  readonly timeoutMs?: number;
  /** Where the TLD's WHOIS server is asked for; IANA by default. */
  readonly rootServer?: string;
  readonly polite?: Polite<WhoisLookup>;
}

export type WhoisLookup =
  | { readonly ok: true; readonly domain: RdapDomain; readonly server: string }
  | { readonly ok: false; readonly kind: 'refused' | 'no-address' | 'network' | 'timeout' | 'no-server' | 'not-found'; readonly message: string };

const MAX_BYTES = 256 * 1024;

/** One query to one server: the answer text, capped in size and time. */
export async function whoisQuery(server: string, query: string, deps: WhoisDeps): Promise<{ ok: true; text: string } | Extract<WhoisLookup, { ok: false }>> {
  const choice = await addressFor(server, deps);
  if (!choice.ok) return { ok: false, kind: choice.kind, message: `whois ${server}: ${choice.message}` };
  const address = choice.address;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const socket = net.connect({ host: address, port: deps.port ?? 43, timeout: deps.timeoutMs ?? 8000 });
    const finish = (): void => resolve({ ok: true, text: decode(Buffer.concat(chunks)) });
    socket.on('connect', () => socket.end(`${query}\r\n`));
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size > MAX_BYTES) socket.destroy();
    });
    socket.on('close', finish);
    socket.on('timeout', () => {
      socket.destroy();
      resolve({ ok: false, kind: 'timeout', message: `whois ${server}: timed out` });
    });
    socket.on('error', (err) => resolve({ ok: false, kind: 'network', message: `whois ${server}: ${(err as { code?: string }).code ?? err.message}` }));
  });
}

function decode(b: Buffer): string {
  const utf8 = b.toString('utf8');
  return utf8.includes('\uFFFD') ? b.toString('latin1') : utf8;
}

/** `Key: value` lines, keys lower-cased; the first value of a key wins except for lists. */
function fields(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][A-Za-z0-9 /()-]{1,60}?)\s*:\s*(.+?)\s*$/.exec(line);
    if (m === null || m[1] === undefined || m[2] === undefined) continue;
    const key = m[1].toLowerCase();
    out.set(key, [...(out.get(key) ?? []), m[2]]);
  }
  return out;
}

const KEYS = {
  registrar: ['registrar', 'registrar name', 'sponsoring registrar', 'registrar organization'],
  ianaId: ['registrar iana id', 'sponsoring registrar iana id'],
  created: ['creation date', 'created', 'created on', 'registered on', 'registration time', 'domain registration date'],
  expires: ['registry expiry date', 'registrar registration expiration date', 'expiry date', 'expiration date', 'expires', 'expires on', 'paid-till'],
  updated: ['updated date', 'last updated', 'last modified', 'changed', 'last-update'],
  status: ['domain status', 'status', 'state'],
  nameservers: ['name server', 'nserver', 'nameserver', 'name servers'],
  abuseEmail: ['registrar abuse contact email', 'abuse contact email', 'abuse-mailbox'],
  abusePhone: ['registrar abuse contact phone'],
  registrantName: ['registrant name', 'registrant'],
  registrantOrg: ['registrant organization', 'registrant organisation', 'org'],
  registrantEmail: ['registrant email', 'registrant e-mail'],
  registrantCountry: ['registrant country', 'registrant country/economy'],
} as const;

/** Reads the fields that RDAP would have given, from the usual key spellings. */
export function parseWhois(domain: string, text: string): RdapDomain {
  const f = fields(text);
  const all = (keys: readonly string[]): string[] => keys.flatMap((k) => f.get(k) ?? []);
  const one = (keys: readonly string[]): string | undefined => all(keys)[0];
  const date = (keys: readonly string[]): string | undefined => {
    const v = one(keys);
    return v === undefined ? undefined : isoDate(v);
  };
  const registrar = one(KEYS.registrar);
  const contact = (name?: string, org?: string, email?: string, country?: string, phone?: string) =>
    [name, org, email, country, phone].some((v) => v !== undefined) ? { name, org, email, country, phone } : undefined;
  return {
    domain: domain.toLowerCase(),
    registrar: registrar === undefined ? undefined : { name: registrar, ianaId: one(KEYS.ianaId) },
    created: date(KEYS.created),
    expires: date(KEYS.expires),
    updated: date(KEYS.updated),
    // "clientTransferProhibited https://icann.org/epp#..." → the code only
    status: [...new Set(all(KEYS.status).map((s) => s.split(/\s+/)[0] ?? s))],
    nameservers: [...new Set(all(KEYS.nameservers).map((n) => (n.split(/\s+/)[0] ?? n).toLowerCase().replace(/\.$/, '')))],
    abuse: contact(undefined, undefined, one(KEYS.abuseEmail), undefined, one(KEYS.abusePhone)),
    registrant: contact(one(KEYS.registrantName), one(KEYS.registrantOrg), one(KEYS.registrantEmail), one(KEYS.registrantCountry)),
  };
}

const NOT_FOUND = /^\s*(no match|not found|no entries found|no data found|domain not found|status:\s*free|%% no entries)/im;

async function attempt(domain: string, deps: WhoisDeps): Promise<WhoisLookup> {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  const root = deps.rootServer ?? 'whois.iana.org';
  const referral = await whoisQuery(root, tld, deps);
  if (!referral.ok) return referral;
  const server = /^\s*(?:whois|refer):\s*(\S+)/im.exec(referral.text)?.[1];
  if (server === undefined) return { ok: false, kind: 'no-server', message: `${root} names no WHOIS server for .${tld}` };
  let answer = await whoisQuery(server, domain, deps);
  if (!answer.ok) return answer;
  if (NOT_FOUND.test(answer.text)) return { ok: false, kind: 'not-found', message: `whois ${server}: no such domain ${domain}` };
  // thin registries: follow one referral to the registrar's own server
  const thin = /^\s*registrar whois server:\s*(\S+)/im.exec(answer.text)?.[1];
  let used = server;
  if (thin !== undefined && thin.toLowerCase() !== server.toLowerCase()) {
    const full = await whoisQuery(thin, domain, deps);
    if (full.ok && !NOT_FOUND.test(full.text)) {
      answer = full;
      used = thin;
    }
  }
  return { ok: true, domain: parseWhois(domain, answer.text), server: used };
}

/** WHOIS lookup of a registrable domain: IANA (or `rootServer`) names the server, then it is asked. */
export async function lookupWhoisDomain(domain: string, deps: WhoisDeps): Promise<WhoisLookup> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  if (deps.polite === undefined) return attempt(name, deps);
  const retryable = (r: WhoisLookup): boolean => !r.ok && (r.kind === 'network' || r.kind === 'timeout');
  return deps.polite.run(name, name.slice(name.lastIndexOf('.') + 1), () => attempt(name, deps), retryable);
}
