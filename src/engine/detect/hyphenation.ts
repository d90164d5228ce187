import type { Edit } from './edits.js';

/** Hyphenation: the only edits add or drop hyphens (`enmarche`, `en-mar-che`, `micro-soft`). */
export function isHyphenation(edits: readonly Edit[]): boolean {
  return edits.length > 0 && edits.every((e) => (e.kind === 'insertion' || e.kind === 'omission') && e.char === '-');
}

export function hyphenationReason(brandLabel: string, edits: readonly Edit[]): string {
  const added = edits.filter((e) => e.kind === 'insertion').length;
  const dropped = edits.length - added;
  const parts: string[] = [];
  if (added > 0) parts.push(`${added} hyphen${added > 1 ? 's' : ''} added`);
  if (dropped > 0) parts.push(`${dropped} hyphen${dropped > 1 ? 's' : ''} dropped`);
  return `\`${brandLabel}\` with ${parts.join(' and ')}`;
}
