import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseWatchlist, parseWordList, type Watchlist, type WatchlistError } from '../engine/index.js';
import type { MatcherOptions } from '../engine/index.js';

/** The project's shipped data folder (keywords, generic words, the 2017 case). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export type LoadResult = { readonly ok: true; readonly watchlist: Watchlist } | { readonly ok: false; readonly errors: readonly WatchlistError[] };

/** Reads and validates a watchlist file; unreadable files are errors at line 0. */
export async function loadWatchlistFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ file: path, line: 0, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }] };
  }
  return parseWatchlist(path, text);
}

/** The default keyword and everyday-word lists shipped in data/. */
export async function loadDefaultWords(): Promise<{ keywords: string[]; generic: string[] }> {
  const [k, g] = await Promise.all([readFile(`${DATA_DIR}keywords.txt`, 'utf8'), readFile(`${DATA_DIR}generic.txt`, 'utf8')]);
  return { keywords: parseWordList(k), generic: parseWordList(g) };
}

/** Matcher options for a watchlist: the shipped words plus the watchlist's own keywords and allowlist. */
export async function matcherOptionsFor(watchlist: Watchlist, threshold?: number): Promise<MatcherOptions> {
  const words = await loadDefaultWords();
  return {
    keywords: [...words.keywords, ...watchlist.keywords],
    generic: words.generic,
    allowlist: watchlist.allowlist,
    ...(threshold === undefined ? {} : { threshold }),
  };
}

export function formatWatchlistErrors(errors: readonly WatchlistError[]): string {
  return errors.map((e) => `${e.file}:${e.line}: ${e.reason}`).join('\n');
}
