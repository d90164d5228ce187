import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_BOOTSTRAP_DIR } from './bootstrap.js';

/**
 * Where `squatwatch rdap-refresh` keeps the IANA bootstrap files it fetched: $SQUATWATCH_RDAP_DIR, or
 * `squatwatch/rdap` under $XDG_CACHE_HOME (default ~/.cache). Never the package's own data/ folder,
 * which may be read-only and is replaced on every upgrade.
 */
export function refreshedBootstrapDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = env['SQUATWATCH_RDAP_DIR'];
  if (own !== undefined && own !== '') return own;
  const cache = env['XDG_CACHE_HOME'];
  return join(cache !== undefined && cache !== '' ? cache : join(homedir(), '.cache'), 'squatwatch', 'rdap');
}

/** The folder to read `<kind>.json` from: the refreshed copy when there is one, else the (old, small) shipped one. */
export function bootstrapDirFor(kind: string, env: NodeJS.ProcessEnv = process.env): string | URL {
  const dir = refreshedBootstrapDir(env);
  return existsSync(join(dir, `${kind}.json`)) ? dir : SHIPPED_BOOTSTRAP_DIR;
}
