/**
 * Digits written for letters (`4m4z0n`, `micr05oft`), beyond `0` and `1`, which the skeleton maps already.
 * One way only: a digit in a name may stand for a brand's letter, never a brand's digit for a name's letter,
 * so these cannot go into the skeleton map, which is symmetric (`adex.com` would become a lookalike of `4dex.io`).
 */
const LEET: Readonly<Record<string, string>> = { '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

const charCodeAt = String.prototype.charCodeAt;

/** LETTER_FOR[code] = the letter a leet digit stands for, 0 for every other code. */
const LETTER_FOR: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const [digit, letter] of Object.entries(LEET)) table[digit.charCodeAt(0)] = letter.charCodeAt(0);
  return table;
})();

/** Whether a code is a digit that leet spelling reads as a letter. */
export function isLeetDigit(code: number): boolean {
  return code < 128 && LETTER_FOR[code] !== 0;
}

/** Whether `text` holds a digit that leet spelling reads as a letter. */
export function hasLeetDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isLeetDigit(charCodeAt.call(text, i))) return true;
  }
  return false;
}

/** `text` with each leet digit replaced by the letter it stands for (`4m4z0n` → `amaz0n`; `0` is the skeleton's). */
export function unleet(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = charCodeAt.call(text, i);
    const letter = c < 128 ? (LETTER_FOR[c] ?? 0) : 0;
    out += String.fromCharCode(letter === 0 ? c : letter);
  }
  return out;
}
