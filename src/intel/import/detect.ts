/** Which importer reads a file, decided from its content (the first few kilobytes), not its name. */
import type { ImportFormat } from '../types.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['stix', 'misp', 'misp-galaxy', 'maltrail', 'csv'];

export function detectFormat(text: string): ImportFormat {
  const head = text.slice(0, 8192);
  const first = head.trimStart()[0];
  if (first === '{' || first === '[') {
    if (/"Event"\s*:/.test(head)) return 'misp';
    if (/"type"\s*:\s*"bundle"/.test(head) || /"spec_version"\s*:/.test(head) || /"objects"\s*:/.test(head)) return 'stix';
    if (/"values"\s*:/.test(text) && /"(synonyms|uuid|category)"\s*:/.test(head)) return 'misp-galaxy';
    return 'stix';
  }
  const firstLine = head.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  if (firstLine.includes(',') && /(indicator|value|ioc)/i.test(firstLine)) return 'csv';
  return 'maltrail';
}
