/**
 * Bitsquats: one bit flipped in one character by faulty memory on some machine between the user and
 * the brand (`micrpsoft`: `o` 0x6f → `p` 0x70 is not one bit; `microsmft`: `o` 0x6f → `m` 0x6d is).
 * Host names are case-insensitive, so flips between cases count after lower-casing.
 */
export function isBitFlip(from: string, to: string): boolean {
  const x = (from.charCodeAt(0) ^ to.charCodeAt(0)) >>> 0;
  return from.length === 1 && to.length === 1 && x !== 0 && (x & (x - 1)) === 0;
}

export function bitsquatReason(from: string, to: string): string {
  const a = from.charCodeAt(0);
  const b = to.charCodeAt(0);
  return `\`${to}\` for \`${from}\`: one bit flipped (0x${a.toString(16)} → 0x${b.toString(16)})`;
}
