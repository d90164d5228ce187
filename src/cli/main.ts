import { type CliIO, type Command, EXIT, processIO } from './io.js';

/** Every command, one file each in this folder, loaded only when called. */
const COMMANDS: Readonly<Record<string, string>> = {
  demo: 'replay the April 2017 En Marche case on the embedded store',
  match: 'match a stream of names against a watchlist',
  permute: 'print the lookalike variants of a domain',
  scan: 'resolve the variants of a domain and report the registered ones',
  findings: 'list stored findings',
  watch: 'follow Certificate Transparency logs and other feeds',
  enrich: 'print DNS, RDAP, TLS, hosting and web facts about a domain or address',
  'rdap-refresh': "fetch IANA's current RDAP bootstrap files (which registry answers for which TLD)",
  intel: 'import threat-actor knowledge (STIX 2.1, MISP, CSV, trail files)',
  attribute: 'say which known actor is behind a domain, with evidence',
  pivot: 'list what the indicator graph connects to a domain, IP, e-mail or name server',
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([c, s]) => `  ${c.padEnd(width)}  ${s}`);
  return `usage: squatwatch <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nsquatwatch <command> --help for a command's options.\n`;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    io.stderr.write(`squatwatch: unknown command '${name}'\n${usage()}`);
    return EXIT.error;
  }
  const mod = (await import(`./${name}.js`)) as { run?: Command };
  if (typeof mod.run !== 'function') throw new Error(`cli/${name}.ts exports no run()`);
  return mod.run(rest, io);
}
