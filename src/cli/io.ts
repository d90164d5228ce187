/** What a command may touch of the outside world; tests pass their own streams. */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** True when stderr is a terminal (progress bars and status lines go there). */
  readonly interactive: boolean;
}

/** A command: parses its own arguments, returns the process exit code. */
export type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

/** Exit codes shared by every command. */
export const EXIT = {
  /** Ran to the end; for `match`, no hit. */
  ok: 0,
  /** Ran to the end and found something (hits, findings). */
  found: 1,
  /** Bad usage, unreadable input, or a failure that stopped the command. */
  error: 2,
} as const;

export function processIO(): CliIO {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stderr.isTTY),
  };
}
