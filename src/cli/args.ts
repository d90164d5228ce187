import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, type CliIO } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * Parses a command's arguments the same way for every command: `--help`/`-h` prints the usage (exit 0),
 * a bad option prints the reason and the usage on stderr (exit 2). Returns the parsed values, or the exit code.
 */
export function parseCommandArgs<O extends Options>(command: string, usage: string, argv: readonly string[], io: CliIO, options: O): Parsed<O> | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(usage);
    return EXIT.ok;
  }
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr.write(`squatwatch ${command}: ${(e as Error).message}\n${usage}`);
    return EXIT.error;
  }
}

/** Prints `squatwatch <command>: <message>` on stderr and gives the error exit code. */
export function failWith(command: string, io: CliIO): (message: string) => number {
  return (message) => {
    io.stderr.write(`squatwatch ${command}: ${message}\n`);
    return EXIT.error;
  };
}
