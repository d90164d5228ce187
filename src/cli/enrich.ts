import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { parseServer } from '../enrich/dns/index.js';
import {
  brandReference,
  createEnrichDeps,
  enrichAddress,
  enrichDomain,
  type BrandReference,
  type EnrichDeps,
  type Enrichment,
} from '../enrich/index.js';
import { type CliIO, EXIT } from './io.js';
import { printable } from '../act/index.js';
import { failWith, parseCommandArgs } from './args.js';

const USAGE = `usage: squatwatch enrich <domain|ip> [--format text|json] [--resolver HOST:PORT]...
                         [--brand-page NAME=FILE.html]... [--no-whois]

Prints what can be learnt about a domain (DNS, RDAP/WHOIS registration, TLS certificate, hosting
network, home page) or an address (hosting network, certificate), and the risk it adds, with
reasons. Private, loopback and other non-public addresses are never contacted.
  --resolver    DNS server to ask (repeatable; default: the system's)
  --brand-page  a saved copy of a brand's real page, to score the page's similarity against
  --no-whois    do not fall back to WHOIS (port 43) for TLDs without RDAP
IP to ASN data: IP to ASN Lite by DB-IP (https://db-ip.com), RouteViews, NRO — CC BY 4.0.
`;

export function formatText(e: Enrichment): string {
  const sign = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
  const width = Math.max(4, ...e.facts.map((f) => f.fact.length));
  const lines = [`${printable(e.subject)}\trisk ${sign(e.risk.delta)}`];
  for (const f of e.facts) {
    const about = f.subject === e.subject ? '' : ` [${printable(f.subject)}]`;
    lines.push(`  ${f.fact.padEnd(width)}  ${printable(f.value)}${about}  (${printable(f.source)})`);
  }
  if (e.risk.adjustments.length > 0) lines.push('reasons:', ...e.risk.adjustments.map((a) => `  ${sign(a.delta)} ${printable(a.reason)}`));
  return `${lines.join('\n')}\n`;
}

async function brandPages(specs: readonly string[]): Promise<BrandReference[] | string> {
  const out: BrandReference[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) return `--brand-page wants NAME=FILE, not '${spec}'`;
    try {
      out.push(brandReference(spec.slice(0, eq), await readFile(spec.slice(eq + 1), 'utf8')));
    } catch (err) {
      return `--brand-page ${spec}: ${(err as Error).message}`;
    }
  }
  return out;
}

/**
 * The command, with deps a test may override in code (its loopback switch, ports, CA). The CLI
 * itself has no way to allow loopback or private addresses.
 */
export async function runEnrich(argv: readonly string[], io: CliIO, overrides: Partial<EnrichDeps> = {}): Promise<number> {
  const parsed = parseCommandArgs('enrich', USAGE, argv, io, {
    format: { type: 'string', default: 'text' },
    resolver: { type: 'string', multiple: true },
    'brand-page': { type: 'string', multiple: true },
    'no-whois': { type: 'boolean' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const fail = (why: string): number => failWith('enrich', io)(`${why}\n${USAGE}`);
  if (positionals.length !== 1) return fail('give exactly one domain or IP address');
  if (values.format !== 'text' && values.format !== 'json') return fail(`--format is text or json, not '${values.format}'`);
  const servers: string[] = [];
  for (const r of values.resolver ?? []) {
    const s = parseServer(r);
    if (!s.ok) return fail(s.error);
    servers.push(s.server);
  }
  const references = await brandPages(values['brand-page'] ?? []);
  if (typeof references === 'string') return fail(references);
  const input = positionals[0] ?? '';
  const ip = isIP(input) !== 0;
  const domain = ip ? input : domainToASCII(input.toLowerCase().replace(/\.$/, ''));
  if (domain === '') return fail(`'${printable(input)}' is neither a domain name nor an IP address`);

  const setup = await createEnrichDeps({ resolvers: servers, references, whois: values['no-whois'] !== true });
  for (const w of setup.warnings) io.stderr.write(`${w}\n`);
  const deps: EnrichDeps = { ...setup.deps, ...overrides };
  const result = ip ? await enrichAddress(domain, deps) : await enrichDomain(domain, deps);
  io.stdout.write(values.format === 'json' ? `${JSON.stringify(result)}\n` : formatText(result));
  return EXIT.ok;
}

export const run = (argv: readonly string[], io: CliIO): Promise<number> => runEnrich(argv, io);
