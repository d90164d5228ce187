/**
 * Importing files into an IntelStore: read (gzip when the name ends in .gz), parse, store. Records an
 * importer cannot read are reported and skipped; a file that cannot be read, or yields nothing but
 * issues (e.g. invalid JSON), is reported as failed and leaves what the store held from it untouched.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { type ParseOptions, parseIntel } from './import/index.js';
import type { ImportSummary, IntelStore } from './intel-store.js';
import type { IntelFile } from './shipped.js';
import type { ImportIssue } from './types.js';

export interface FileImport {
  /** The file as given. */
  readonly file: string;
  /** Absent when the file failed as a whole. */
  readonly summary?: ImportSummary;
  readonly issues: readonly ImportIssue[];
  /** True when nothing could be imported from the file (unreadable, or nothing but issues). */
  readonly failed: boolean;
}

/** The source name a file is stored under: the path as given, without a `.gz` ending. */
export function sourceName(file: string): string {
  return file.replace(/\.gz$/i, '');
}

export async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  return (/\.gz$/i.test(file) ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Imports one file (a path, or a path with the source name to store it under); never throws: a failure is reported in the result. */
export async function importFile(store: IntelStore, input: string | IntelFile, options: ParseOptions = {}): Promise<FileImport> {
  const file = typeof input === 'string' ? input : input.path;
  const source = typeof input === 'string' ? sourceName(input) : input.source;
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { file, issues: [{ source: file, position: 'whole file', reason: `cannot read: ${reason}` }], failed: true };
  }
  const batch = parseIntel(text, source, options);
  if (batch.indicators.length === 0 && batch.actors.length === 0 && batch.issues.length > 0) {
    return { file, issues: batch.issues, failed: true };
  }
  try {
    return { file, summary: await store.putBatch(batch), issues: batch.issues, failed: false };
  } catch (e) {
    // the store refused the batch as a whole and rolled it back: the file is reported, not half-imported
    const reason = e instanceof Error ? e.message : String(e);
    return { file, issues: [...batch.issues, { source, position: 'whole file', reason: `not stored: ${reason}` }], failed: true };
  }
}

/** Imports each file in turn, one transaction each; a failed file does not stop the others. */
export async function importFiles(store: IntelStore, files: readonly (string | IntelFile)[], options: ParseOptions = {}): Promise<FileImport[]> {
  const out: FileImport[] = [];
  for (const file of files) out.push(await importFile(store, file, options));
  return out;
}
