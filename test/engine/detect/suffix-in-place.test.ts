import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Target } from '../../../src/engine/brands/target.js';
import { flatSuffixEnd } from '../../../src/engine/detect/combo.js';
import { detectLevelsquat } from '../../../src/engine/detect/subdomain.js';

// The brand's suffix read in place (no slices, no regexes) must answer as the regex versions first written.

function target(suffix: string, isDomain = true): Target {
  return { id: 0, brand: 0, domain: `ab.${suffix}`, label: 'ab', suffix, skeleton: 'ab', flat: 'ab', letters: 2, isDomain, flatDomain: false, weak: false, maxEdits: 0 };
}

function naiveAfterSuffix(right: string, t: Target): string | null {
  if (!t.isDomain || t.suffix === '') return null;
  const flat = t.suffix.replace(/\./g, '');
  const r = right.replace(/^[-_]+/, '');
  if (!r.replace(/[-_]/g, '').startsWith(flat)) return null;
  let seen = 0;
  let i = 0;
  for (; i < r.length && seen < flat.length; i++) if (r[i] !== '-' && r[i] !== '_') seen++;
  const after = r.slice(i);
  return after === '' || after.startsWith('-') || after.startsWith('_') ? after : null;
}

function naiveLevel(sub: string, a: number, b: number, label: string, t: Target): boolean {
  if (!t.isDomain || t.suffix === '') return false;
  const wholeLabel = (a === 0 || sub[a - 1] === '.') && (b === sub.length || sub[b] === '.');
  if (!wholeLabel) return false;
  const after = sub.slice(b + 1);
  const followsSuffix = after === t.suffix || (after.startsWith(t.suffix) && after.charCodeAt(t.suffix.length) === 46);
  return followsSuffix || (b === sub.length && (label === t.suffix || label.startsWith(`${t.suffix.replace(/\./g, '-')}-`)));
}

const suffix = fc.constantFrom('com', 'co.uk', 'gov.af', 'fr', 'c', 'xn--p1ai', '');
const text = fc.array(fc.constantFrom('c', 'o', 'm', 'u', 'k', 'co', 'uk', 'com', 'gov', 'af', 'fr', '-', '_', '.', 'x'), { maxLength: 8 }).map((a) => a.join(''));

test('property: the flat suffix after a brand ends where the regex version said', () => {
  fc.assert(
    fc.property(text, text, suffix, fc.boolean(), (left, right, s, isDomain) => {
      const t = target(s, isDomain);
      const label = left + right;
      const end = flatSuffixEnd(label, left.length, t);
      assert.equal(end < 0 ? null : label.slice(end), naiveAfterSuffix(right, t));
    }),
    { numRuns: 3000 },
  );
});

test('property: a levelsquat in the subdomain is found where the slicing version found it', () => {
  fc.assert(
    fc.property(text, text, text, text, suffix, (before, brand, after, label, s) => {
      const sub = before + brand + after;
      const a = before.length;
      const b = a + brand.length;
      const got = detectLevelsquat(sub, a, b, label, 'net', target(s)) !== null;
      assert.equal(got, naiveLevel(sub, a, b, label, target(s)));
    }),
    { numRuns: 3000 },
  );
});
