/** Unicode scripts of a label, to flag mixed-script IDN homographs (Latin with Cyrillic `а`, say). */

const SCRIPT_TESTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Han', /\p{Script=Han}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** The scripts used by the letters of `text` (digits, hyphens and marks belong to none). Only called on IDN labels. */
export function scriptsOf(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
    const hit = SCRIPT_TESTS.find(([, re]) => re.test(ch));
    const name = hit ? hit[0] : 'Other';
    if (!found.includes(name)) found.push(name);
  }
  return found;
}
