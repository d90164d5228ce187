/** Streams the lines of a file, plain or gzip (detected by its magic bytes), without holding the file. */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { lineBatches, type LineBatch } from './line-batches.js';

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await fh.read(b, 0, 2, 0);
    return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Streams a file (plain or gzip) in batches of lines: one promise per batch rather than per line. */
export async function* readLineBatches(path: string): AsyncIterable<LineBatch> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = (await isGzip(path)) ? raw.pipe(createGunzip()) : raw;
  yield* lineBatches(stream as AsyncIterable<Buffer>);
}
