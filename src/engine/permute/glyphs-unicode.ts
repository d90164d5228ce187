import { domainToASCII, domainToUnicode } from 'node:url';
import confusables from 'unhomoglyph/data.json' with { type: 'json' };

/**
 * Latin letters with a stroke, hook or tail, and small capitals: they look like the bare letter but have no
 * canonical decomposition, and Unicode's confusables file leaves most of them out.
 */
const MARKED_LETTERS: Readonly<Record<string, string>> = {
  a: 'ɑɐᴀ', b: 'ƀɓƃʙ', c: 'ƈȼɕᴄ', d: 'đɗɖƌȡᴅ', e: 'ɇɛᴇ', f: 'ƒꜰ', g: 'ǥɠɡɢ', h: 'ħɦʜ', i: 'ɨıɩɪ',
  j: 'ɉȷʝᴊ', k: 'ƙᴋ', l: 'łƚɫɬɭȴʟı', m: 'ɱᴍ', n: 'ƞɲɳȵɴ', o: 'øɵᴏ', p: 'ƥᵽƿᴘ', q: 'ɋʠ', r: 'ɍɼɽɾʀ',
  s: 'ʂȿꜱ', t: 'ŧƭʈȶƫᴛ', u: 'ʉᴜ', v: 'ʋᴠ', w: 'ᴡ', y: 'ƴɏʏ', z: 'ƶȥʐʑɀᴢ',
};

/** Blocks of precomposed Latin letters (accents, dots, cedillas) searched for bare-letter look-alikes. */
const LATIN_RANGES: readonly (readonly [number, number])[] = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];

const ASCII_TARGET = /^[a-z0-9]$/;

/** The character as a registry would store it, when IDNA keeps it non-ASCII; else null. */
function idnaForm(ch: string): string | null {
  const ascii = domainToASCII(ch);
  if (!ascii.startsWith('xn--')) return null;
  const u = domainToUnicode(ascii);
  return [...u].length === 1 ? u : null;
}

function baseLetter(ch: string): string | null {
  const nfd = ch.normalize('NFD');
  const base = nfd.charAt(0).toLowerCase();
  if (nfd.length < 2 || !ASCII_TARGET.test(base)) return null;
  return /^\p{M}+$/u.test(nfd.slice(1)) ? base : null;
}

function build(): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, Set<string>>();
  const add = (target: string, ch: string): void => {
    const form = idnaForm(ch);
    if (form === null) return;
    const set = table.get(target) ?? new Set<string>();
    set.add(form);
    table.set(target, set);
  };
  for (const [target, chars] of Object.entries(MARKED_LETTERS)) for (const ch of chars) add(target, ch);
  for (const [lo, hi] of LATIN_RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const base = baseLetter(ch);
      if (base !== null) add(base, ch);
    }
  }
  for (const [from, to] of Object.entries(confusables as Record<string, string>)) {
    const target = to.toLowerCase();
    if (ASCII_TARGET.test(target) && [...from].length === 1) add(target, from);
  }
  const out = new Map<string, readonly string[]>();
  for (const [k, set] of table) out.set(k, [...set].sort());
  return out;
}

let built: ReadonlyMap<string, readonly string[]> | null = null;

/**
 * ASCII letter or digit → the Unicode characters a registry would accept in its place and a reader
 * would take for it: Unicode's confusables (via unhomoglyph), accented and marked Latin letters.
 * Built on first use (a few milliseconds) and kept: it is a constant, not state.
 */
export function unicodeGlyphs(): ReadonlyMap<string, readonly string[]> {
  built ??= build();
  return built;
}
