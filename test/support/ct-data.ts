import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-data folder, resolved relative to the repository (CI clones shared/ beside it). */
export const SHARED_CT = fileURLToPath(new URL('../../../shared/data/ct/', import.meta.url));

/**
 * The navigli2025h2 tiles: four full tiles (1,024 entries) and `003.p/10`, the partial tile that
 * preceded the full 003 (its 10 entries are the first 10 of 003, byte for byte).
 */
export const NAVIGLI = `${SHARED_CT}navigli2025h2/`;
export const NAVIGLI_TILES = ['000', '001', '002', '003'] as const;
export const NAVIGLI_PARTIAL = '003.p/10';
export const NAVIGLI_SIZE = 4 * 256;

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
