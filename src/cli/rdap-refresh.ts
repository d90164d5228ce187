import { mkdir } from 'node:fs/promises';
import {
  BOOTSTRAP_KINDS,
  dnsResolver,
  IANA_BOOTSTRAP_BASE,
  PUBLIC_ONLY,
  refreshBootstrap,
  refreshedBootstrapDir,
  type BootstrapKind,
  type NetDeps,
} from '../enrich/index.js';
import { type CliIO, type Command, EXIT } from './io.js';
import { failWith, parseCommandArgs } from './args.js';

const USAGE = `usage: squatwatch rdap-refresh [--dir DIR] [--kind ${BOOTSTRAP_KINDS.join('|')}]...

Fetches IANA's RDAP bootstrap files (which registry answers for which TLD, address block or AS
number) from ${IANA_BOOTSTRAP_BASE}, checks each, and keeps the valid ones where
enrich and watch look first. The copies shipped in data/rdap/ are old and list few TLDs: run this
before real use, then now and then (IANA updates them when registries move).
  --dir   where to keep them (default: $SQUATWATCH_RDAP_DIR, else $XDG_CACHE_HOME/squatwatch/rdap,
          else ~/.cache/squatwatch/rdap)
  --kind  only these files (repeatable; default: all four)
A file that does not download or does not check out is named with the reason and the copy already
there is kept. Exit 0 when all were refreshed, 2 when any was not.
`;

/** The command, with network deps and base URL a test may override in code (the CLI has no loopback switch). */
export async function runRdapRefresh(argv: readonly string[], io: CliIO, overrides: { deps?: NetDeps; base?: string } = {}): Promise<number> {
  const parsed = parseCommandArgs('rdap-refresh', USAGE, argv, io, {
    dir: { type: 'string' },
    kind: { type: 'string', multiple: true },
  });
  if (typeof parsed === 'number') return parsed;
  const fail = failWith('rdap-refresh', io);
  if (parsed.positionals.length > 0) return fail(`unexpected argument '${parsed.positionals[0] ?? ''}'\n${USAGE}`);
  const asked = parsed.values.kind ?? [...BOOTSTRAP_KINDS];
  const kinds: BootstrapKind[] = [];
  for (const k of asked) {
    const kind = BOOTSTRAP_KINDS.find((x) => x === k);
    if (kind === undefined) return fail(`--kind ${k}: not one of ${BOOTSTRAP_KINDS.join(', ')}`);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  const dir = parsed.values.dir ?? refreshedBootstrapDir();
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    return fail(`cannot create ${dir}: ${(err as Error).message}`);
  }
  const deps = overrides.deps ?? { resolve: dnsResolver(), policy: PUBLIC_ONLY };
  let failed = 0;
  for (const kind of kinds) {
    const r = await refreshBootstrap(kind, dir, deps, overrides.base);
    if (r.ok) {
      const published = r.bootstrap.publication === '' ? '' : `, published ${r.bootstrap.publication}`;
      io.stdout.write(`${kind}: ${r.bootstrap.services.length} services${published} -> ${dir}/${kind}.json\n`);
    } else {
      failed++;
      io.stderr.write(`squatwatch rdap-refresh: ${kind}: ${r.message}; the copy already there is kept\n`);
    }
  }
  return failed === 0 ? EXIT.ok : EXIT.error;
}

export const run: Command = (argv, io) => runRdapRefresh(argv, io);
