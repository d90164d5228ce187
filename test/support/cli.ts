import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';

/** A CliIO over in-memory streams, with what was written to stdout and stderr. */
export function captureIO(stdinText = ''): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c: Buffer) => (o += c.toString()));
  stderr.on('data', (c: Buffer) => (e += c.toString()));
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return { io: { stdin, stdout, stderr, interactive: false }, out: () => o, err: () => e };
}
