import { selectFuzzers, splitTarget } from '../engine/index.js';
import type { TldSet } from './permute-data.js';

/** The options `permute` and `scan` share, for node:util parseArgs. */
export const PERMUTE_OPTIONS = {
  format: { type: 'string', default: 'text' },
  families: { type: 'string' },
  tlds: { type: 'string' },
} as const;

/** What `permute` and `scan` share on their command lines once checked. */
export interface PermuteArgs {
  readonly domain: string;
  readonly families: readonly string[] | undefined;
  readonly tlds: TldSet;
  readonly format: 'text' | 'jsonl';
}

/** Checks the shared arguments; the parsed arguments, or a message naming the bad one. */
export function checkPermuteArgs(
  positionals: readonly string[],
  values: { readonly format?: string; readonly families?: string; readonly tlds?: string },
): { ok: true; args: PermuteArgs } | { ok: false; error: string } {
  if (positionals.length !== 1) return { ok: false, error: 'expected exactly one domain' };
  const domain = positionals[0] ?? '';
  if (splitTarget(domain) === null) {
    return { ok: false, error: `'${domain}' is not a domain with a registrable label under a public suffix` };
  }
  const families = values.families?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const selection = selectFuzzers(families);
  if (!selection.ok) return { ok: false, error: `unknown families: ${selection.unknown.join(', ')}` };
  const { tlds = 'common', format = 'text' } = values;
  if (tlds !== 'common' && tlds !== 'all') return { ok: false, error: `--tlds must be common or all, not '${tlds}'` };
  if (format !== 'text' && format !== 'jsonl') return { ok: false, error: `--format must be text or jsonl, not '${format}'` };
  return { ok: true, args: { domain, families, tlds, format } };
}
