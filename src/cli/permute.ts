import { FAMILY_NAMES, permute, type Variant } from '../engine/permute/index.js';
import { type Command, EXIT } from './io.js';
import { parseCommandArgs } from './args.js';
import { checkPermuteArgs, PERMUTE_OPTIONS } from './permute-args.js';
import { loadPermuteData } from './permute-data.js';

const USAGE = `usage: squatwatch permute <domain> [--format text|jsonl] [--families a,b] [--tlds common|all]

Prints every lookalike variant of <domain>, one a line: the ASCII name, its technique, the fuzzer
that made it and, for IDN, the Unicode form (text: tab-separated; jsonl: one object a line).
  --families  fuzzers or techniques to run (default: all): ${FAMILY_NAMES.join(', ')}
  --tlds      TLDs for swaps and flattening: common (~110, default) or all (every IANA TLD)
`;

export function formatVariant(v: Variant, format: 'text' | 'jsonl'): string {
  if (format === 'jsonl') return JSON.stringify(v);
  const cols = [v.domain, v.technique, v.fuzzer];
  if (v.display !== v.domain) cols.push(v.display);
  return cols.join('\t');
}

export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs('permute', USAGE, argv, io, PERMUTE_OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const checked = checkPermuteArgs(positionals, values);
  if (!checked.ok) {
    io.stderr.write(`squatwatch permute: ${checked.error}\n${USAGE}`);
    return EXIT.error;
  }
  const data = await loadPermuteData(checked.args.tlds);
  if (!data.ok) {
    io.stderr.write(`squatwatch permute: ${data.error}\n`);
    return EXIT.error;
  }
  const variants = permute(checked.args.domain, { ...data.data, families: checked.args.families });
  io.stdout.write(variants.map((v) => `${formatVariant(v, checked.args.format)}\n`).join(''));
  io.stderr.write(`${variants.length} variants of ${checked.args.domain}\n`);
  return EXIT.ok;
};
