import { selectFuzzers, splitTarget } from '../engine/permute/index.js';
import type { TldSet } from './permute-data.js';

/** What `permute` and `scan` share on their command lines: the domain, families and TLD set. */
export interface PermuteArgs {
  readonly domain: string;
  readonly families: readonly string[] | undefined;
  readonly tlds: TldSet;
}

/** Checks the shared arguments; a message naming the bad one, or the parsed arguments. */
export function checkPermuteArgs(
  positionals: readonly string[],
  families: string | undefined,
  tlds: string | undefined,
): { ok: true; args: PermuteArgs } | { ok: false; error: string } {
  if (positionals.length !== 1) return { ok: false, error: 'expected exactly one domain' };
  const domain = positionals[0] ?? '';
  if (splitTarget(domain) === null) {
    return { ok: false, error: `'${domain}' is not a domain with a registrable label under a public suffix` };
  }
  const names = families?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const selection = selectFuzzers(names);
  if (!selection.ok) return { ok: false, error: `unknown families: ${selection.unknown.join(', ')}` };
  if (tlds !== undefined && tlds !== 'common' && tlds !== 'all') return { ok: false, error: `--tlds must be common or all, not '${tlds}'` };
  return { ok: true, args: { domain, families: names, tlds: tlds ?? 'common' } };
}
