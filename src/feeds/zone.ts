/**
 * DNS master files (RFC 1035 §5, as CZDS publishes TLD zones): the delegated names, i.e. owners of NS
 * records below the zone apex. Streamed; `$ORIGIN`, `$TTL`, blank owners, relative names, comments
 * and parenthesised multi-line records handled. A line that cannot be a record is counted and skipped.
 */
import { readLineBatches } from './lines.js';
import { NameHashSet } from './name-hash-set.js';

export interface ZoneName {
  readonly name: string;
  readonly line: number;
}

export interface ZoneProblem {
  readonly line: number;
  readonly message: string;
}

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS']);
const TYPE = /^(A|AAAA|NS|SOA|CNAME|DNAME|MX|TXT|SPF|PTR|SRV|NAPTR|CAA|HINFO|RP|AFSDB|LOC|CERT|URI|DS|CDS|DNSKEY|CDNSKEY|RRSIG|NSEC|NSEC3|NSEC3PARAM|TLSA|SMIMEA|SSHFP|OPENPGPKEY|SVCB|HTTPS|ZONEMD|TYPE\d+)$/;
const NAME = /^[a-z0-9_*-]+(\.[a-z0-9_-]+)*\.?$|^\.$/i;

function stripComment(line: string): string {
  const i = line.indexOf(';'); // TXT data may hold ';' inside quotes, but TXT is never an NS line
  return i < 0 ? line : line.slice(0, i);
}

function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.')) return name;
  return origin === '.' ? `${name}.` : `${name}.${origin}`;
}

/** A TTL (`3600`, `1h`) or a class (`IN`): the fields that may stand between owner and type. */
function ttlOrClass(f: string): boolean {
  const c = f.charCodeAt(0);
  return (c >= 48 && c <= 57 && /^\d+[smhdw]?$/i.test(f)) || CLASSES.has(f.toUpperCase());
}

/** Yields each delegated name once per run of records (zone files group an owner's records). */
export async function* zoneNames(path: string, onProblem: (p: ZoneProblem) => void): AsyncIterable<ZoneName> {
  let origin = '.';
  let owner = '';
  let ownerOk = false;
  let apex: string | undefined;
  let last = '';
  let pending = '';
  let pendingLine = 0;
  let depth = 0;
  for await (const batch of readLineBatches(path)) {
    for (const at of batch.tooLong) onProblem({ line: at, message: `line ${at}: longer than 1 MiB; skipped` });
    for (let k = 0; k < batch.lines.length; k++) {
      const n = batch.firstLine + k;
      const text = batch.lines[k]!;
      const body = stripComment(text);
      if (depth > 0 || body.includes('(')) {
        if (depth === 0) pendingLine = n;
        pending += pending === '' ? body : ` ${body}`;
        depth += (body.match(/\(/g)?.length ?? 0) - (body.match(/\)/g)?.length ?? 0);
        if (depth > 0) continue;
        depth = 0;
      }
      const line = pending === '' ? body : pending.replace(/[()]/g, ' ');
      const at = pending === '' ? n : pendingLine;
      pending = '';
      const trimmed = line.trim();
      if (trimmed === '') continue;
      if (line.startsWith('$')) {
        const [dir, arg] = trimmed.split(/\s+/);
        if (dir === '$ORIGIN' && arg !== undefined) origin = arg.endsWith('.') ? arg.toLowerCase() : `${arg.toLowerCase()}.`;
        continue;
      }
      const fields = trimmed.split(/\s+/);
      let i = 0;
      const c0 = line.charCodeAt(0);
      if (c0 !== 32 && c0 !== 9) {
        const next = absolute(fields[i++]!.toLowerCase(), origin);
        if (next !== owner) {
          owner = next;
          ownerOk = NAME.test(owner);
        }
      }
      while (i < fields.length && ttlOrClass(fields[i]!)) i++;
      const type = fields[i]?.toUpperCase();
      if (owner === '' || type === undefined || !ownerOk || (type !== 'NS' && !TYPE.test(type))) {
        onProblem({ line: at, message: `line ${at}: not a resource record: ${JSON.stringify(text.slice(0, 80))}` });
        continue;
      }
      if (type === 'SOA' && apex === undefined) apex = owner;
      if (type !== 'NS' || owner === (apex ?? origin) || owner === last) continue;
      last = owner;
      yield { name: owner === '.' ? owner : owner.slice(0, -1), line: at };
    }
  }
}

/** The names delegated in `today` but not in `yesterday`: the newly registered ones. Holds yesterday's names as 8-byte hashes. */
export async function* newlyDelegated(yesterday: string, today: string, onProblem: (p: ZoneProblem & { file: string }) => void): AsyncIterable<ZoneName> {
  const before = new NameHashSet();
  for await (const z of zoneNames(yesterday, (p) => onProblem({ ...p, file: yesterday }))) before.add(z.name);
  for await (const z of zoneNames(today, (p) => onProblem({ ...p, file: today }))) if (!before.has(z.name)) yield z;
}
