import { type Knowledge, loadKnowledge, openSqliteIntelStore, pivot } from '../intel/index.js';
import { DEFAULT_DB_PATH, StoreError } from '../store/index.js';
import { printable } from '../act/index.js';
import { EXIT, type Command } from './io.js';
import { failWith, parseCommandArgs } from './args.js';

const USAGE = `usage: squatwatch pivot DOMAIN|IP|EMAIL|ns:NAME|ASN [--db FILE] [--format text|jsonl]

Lists what the stored indicator graph connects to a domain, an IPv4 address (with the other known
addresses of its /24, and its AS), an e-mail address, a name server (ns:ns1.example.com) or an AS
(AS9009: the known addresses it announces): actors, reports, prefixes, each with the source file and
position it came from.
  --db FILE   the database (default ${DEFAULT_DB_PATH})
exit: 0 nothing connected, 1 something connected, 2 error
`;

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('pivot', USAGE, argv, io, {
    db: { type: 'string', default: DEFAULT_DB_PATH },
    format: { type: 'string', default: 'text' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const fail = failWith('pivot', io);
  if (values.format !== 'text' && values.format !== 'jsonl') return fail(`--format must be text or jsonl, not '${printable(values.format)}'`);
  if (positionals.length !== 1) return fail(`give one domain, address, e-mail or ns:NAME\n${USAGE}`);
  const arg = positionals[0] as string;

  let k: Knowledge;
  try {
    const store = await openSqliteIntelStore(values.db, { create: false });
    try {
      k = await loadKnowledge({ store });
    } finally {
      await store.close();
    }
  } catch (e) {
    if (e instanceof StoreError) return fail(e.message);
    throw e;
  }
  const result = pivot(k, arg);
  if (result === null) return fail(`'${printable(arg)}' is not a domain, IPv4 address, e-mail or ns:NAME`);
  for (const n of result.neighbours) {
    if (values.format === 'jsonl') {
      io.stdout.write(`${JSON.stringify({ kind: n.kind, value: n.value, source: n.source, position: n.position, observed: n.observed ?? null, weight: n.weight })}\n`);
    } else {
      const when = n.observed === undefined ? '' : ` ${printable(n.observed)}`;
      const where = n.position === '' ? printable(n.source) : `${printable(n.source)} ${printable(n.position)}`;
      io.stdout.write(`${n.kind.padEnd(8)} ${printable(n.value)}  [${where}${when}]\n`);
    }
  }
  io.stderr.write(`squatwatch pivot: ${result.kind} ${printable(result.value)}: ${result.neighbours.length} connected\n`);
  return result.neighbours.length > 0 ? EXIT.found : EXIT.ok;
};
