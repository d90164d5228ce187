import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EndsFilter } from '../../../src/engine/index/index.js';

const codes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const without = (s: string, i: number, j: number): string => [...s].filter((_, k) => k !== i && k !== j).join('');

/** Every deletion variant (none, one, two) of a string, with the positions deleted. */
function variants(s: string): { text: string; i: number; j: number }[] {
  const out = [{ text: s, i: -1, j: -1 }];
  for (let j = 0; j < s.length; j++) out.push({ text: without(s, -1, j), i: -1, j });
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.push({ text: without(s, i, j), i, j });
  return out;
}

test('property: a two-deletion variant equal to an added variant is never refused (no false negative)', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-e-]{1,12}$/), { minLength: 1, maxLength: 6 }), fc.stringMatching(/^[a-e-]{3,14}$/), (brands, label) => {
      const filter = new EndsFilter(100);
      const added = new Set<string>();
      for (const b of brands) {
        for (const v of variants(b)) {
          filter.addVariant(codes(b), b.length, v.i, v.j);
          added.add(v.text);
        }
      }
      for (let i = 0; i < label.length; i++) {
        for (let j = i + 1; j < label.length; j++) {
          if (added.has(without(label, i, j))) assert.ok(filter.hasVariant(codes(label), label.length, i, j), `${label} without ${i},${j}`);
        }
      }
    }),
    { numRuns: 1500 },
  );
});

test('property: the ends of a variant are those of the string it spells', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z0-9]{3,20}$/), fc.nat(), fc.nat(), (s, x, y) => {
      const i = x % s.length;
      const j = i + 1 + (y % Math.max(1, s.length - i - 1));
      if (j >= s.length) return;
      const v = without(s, i, j);
      const filter = new EndsFilter(1);
      filter.addVariant(codes(v), v.length, -1, -1);
      assert.ok(filter.hasVariant(codes(s), s.length, i, j));
      const a = (k: number): number => v.charCodeAt(k) || 0;
      assert.ok(filter.has(v.length, a(0), a(1), a(2), v.length >= 3 ? a(v.length - 3) : 0, v.length >= 2 ? a(v.length - 2) : 0, a(v.length - 1)));
    }),
    { numRuns: 1500 },
  );
});

test('a filter over a few strings refuses most others', () => {
  const filter = new EndsFilter(10);
  for (const b of ['microsoft', 'enmarche', 'paypal']) filter.addVariant(codes(b), b.length, -1, -1);
  let refused = 0;
  const others = ['macrosoft', 'wikipedia', 'cloudflare', 'amazonaws', 'googleapis', 'facebook', 'instagram', 'linkedin'];
  for (const o of others) if (!filter.hasVariant(codes(o), o.length, 0, 1)) refused++;
  assert.ok(refused >= others.length - 1, `refused ${refused} of ${others.length}`);
});

test('two bits a string in one line: at 8 bits a key, about 5% of absent strings get through (one bit anywhere: ~12%)', () => {
  let seed = 7;
  const letters = (n: number): string => {
    let s = '';
    for (let k = 0; k < n; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      s += String.fromCharCode(97 + ((seed >>> 16) % 26));
    }
    return s;
  };
  const filter = new EndsFilter(2000);
  for (let k = 0; k < 2000; k++) {
    const b = letters(10);
    filter.addVariant(codes(b), b.length, -1, -1);
  }
  let through = 0;
  for (let k = 0; k < 5000; k++) {
    const o = letters(10);
    if (filter.hasVariant(codes(o), o.length, -1, -1)) through++;
  }
  assert.ok(through < 400, `${through} of 5000 got through`);
});
