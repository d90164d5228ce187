/** Parses a word list (whitespace-separated, `#` comments to the end of a line), lower-cased, without duplicates. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    for (const w of line.replace(/#.*/, '').trim().toLowerCase().split(/\s+/)) if (w !== '') seen.add(w);
  }
  return [...seen];
}
