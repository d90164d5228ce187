/**
 * Attacker-controlled text (domain names, page titles, certificate fields, reasons that quote them) on its
 * way out: to a terminal, or into a CSV a spreadsheet will open. Every output path uses these two.
 */

/** Control characters (escape sequences), bidi overrides and invisible format characters shown as \u escapes. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One CSV field, quoted where needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
