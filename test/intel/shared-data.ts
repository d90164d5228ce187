import { fileURLToPath } from 'node:url';

/** A path under the read-only shared data folder that sits beside the repository (`../shared/data/`). */
export function sharedData(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
}
