import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-data folder, resolved relative to the repository (CI clones shared/ beside it). */
export const SHARED_CT = fileURLToPath(new URL('../../../shared/data/ct/', import.meta.url));

/** The navigli2025h2 tiles: four full tiles and one partial of width 10 (1,034 entries). */
export const NAVIGLI = `${SHARED_CT}navigli2025h2/`;
export const NAVIGLI_TILES = ['000', '001', '002', '003', '003.p/10'] as const;
export const NAVIGLI_SIZE = 4 * 256 + 10;

export interface NamesLine {
  readonly Timestamp: number;
  readonly Subject?: { readonly CommonName?: string };
  readonly DNS?: readonly string[];
}

export function navigliDataTile(tile: string): Buffer {
  return readFileSync(`${NAVIGLI}tile/data/${tile}`);
}

/** The names-tile lines of one tile, in entry order. */
export function navigliNames(tile: string): NamesLine[] {
  const text = readFileSync(`${NAVIGLI}tile/names/${tile}`, 'utf8');
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as NamesLine);
}
