import { readFile } from 'node:fs/promises';
import type { PermuteOptions } from '../engine/permute/index.js';

/** The shipped word and TLD lists for `permute` and `scan` (data/permute/, see its SOURCE.txt). */
const DATA_DIR = new URL('../../data/permute/', import.meta.url);

/** `common`: dnstwist's common and abused TLDs (~110); `all`: every IANA TLD (~1,440). */
export type TldSet = 'common' | 'all';

export type PermuteData = Required<Pick<PermuteOptions, 'dictionary' | 'tlds' | 'homophones' | 'misspellings'>>;

export type LoadResult = { ok: true; data: PermuteData } | { ok: false; error: string };

const WORD = /^[a-z0-9][a-z0-9-]*$/;

/** One entry a line; `//` lines are comments (dnstwist's format). */
function parseList(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const w = line.trim().toLowerCase();
    if (w !== '' && !w.startsWith('//')) out.add(w);
  }
  return [...out];
}

function parseHomophones(text: string): string[][] {
  const groups: string[][] = [];
  for (const line of text.split('\n')) {
    const words = [...new Set(line.split(',').map((w) => w.trim().toLowerCase()))].filter((w) => WORD.test(w));
    if (words.length > 1) groups.push(words);
  }
  return groups;
}

/** The file maps a misspelling to the right word; the generator needs the other direction. */
function parseMisspellings(text: string, file: string): Map<string, string[]> {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${file}: expected a JSON object`);
  const out = new Map<string, string[]>();
  for (const [wrong, right] of Object.entries(raw)) {
    if (typeof right !== 'string' || !WORD.test(wrong) || !WORD.test(right) || wrong === right) continue;
    const list = out.get(right) ?? [];
    list.push(wrong);
    out.set(right, list);
  }
  return out;
}

async function read(name: string): Promise<string> {
  return readFile(new URL(name, DATA_DIR), 'utf8');
}

/** Reads the shipped lists; a missing or malformed file is an error naming it. */
export async function loadPermuteData(tldSet: TldSet = 'common'): Promise<LoadResult> {
  let file = '';
  try {
    const text = async (name: string): Promise<string> => {
      file = name;
      return read(name);
    };
    const dictionary = [...new Set([...parseList(await text('english.dict')), ...parseList(await text('french.dict'))])];
    const tlds = tldSet === 'all'
      ? parseList(await text('iana-tlds.txt'))
      : [...new Set([...parseList(await text('common_tlds.dict')), ...parseList(await text('abused_tlds.dict'))])];
    const homophones = parseHomophones(await text('homophones.txt'));
    const misspellings = parseMisspellings(await text('common-misspellings.json'), 'common-misspellings.json');
    return { ok: true, data: { dictionary, tlds, homophones, misspellings } };
  } catch (e) {
    return { ok: false, error: `data/permute/${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
