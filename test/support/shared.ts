import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared data folder beside the repository (../shared/data), as CI lays it out. */
export const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export function sharedText(path: string): string {
  return readFileSync(SHARED + path, 'utf8');
}

/** The `list` of a MISP warning list from ../shared/data/toplists/. */
export function toplist(file: string): string[] {
  return (JSON.parse(sharedText(`toplists/${file}`)) as { list: string[] }).list;
}
