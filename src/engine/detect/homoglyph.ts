import type { Target } from '../brands/target.js';
import { scriptsOf, skeletonOfCodePoint } from '../names/index.js';
import { ASCII_MAP } from '../names/confusables.js';
import { clampScore, type Detection } from './detection.js';
import type { Technique } from '../types.js';

function pieceOf(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  return c < 128 ? (ASCII_MAP[c] ?? ch) : skeletonOfCodePoint(c);
}

/** Pairs up the look-alike parts of two labels with equal skeletons: `rn` stands for `m`, `0` for `o`. */
export function substitutions(name: string, brand: string): string[] {
  const a = [...name];
  const b = [...brand];
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let ga = a[i] ?? '';
    let gb = b[j] ?? '';
    let sa = pieceOf(ga);
    let sb = pieceOf(gb);
    i++;
    j++;
    while (sa.length !== sb.length && (i < a.length || j < b.length)) {
      if (sa.length < sb.length && i < a.length) {
        ga += a[i] ?? '';
        sa += pieceOf(a[i] ?? '');
        i++;
      } else if (j < b.length) {
        gb += b[j] ?? '';
        sb += pieceOf(b[j] ?? '');
        j++;
      } else break;
    }
    if (ga !== gb) {
      const code = ga.codePointAt(0) ?? 0;
      const hex = code > 127 ? ` (U+${code.toString(16).toUpperCase().padStart(4, '0')})` : '';
      out.push(`\`${ga}\`${hex} stands for \`${gb}\``);
    }
  }
  return out;
}

/** Same skeleton, different letters: digits for letters, `rn` for `m`, or Unicode look-alikes in an IDN. */
export function detectHomoglyph(uLabel: string, labelSkeleton: string, idn: boolean, asciiLabel: string, target: Target): Detection | null {
  if (!target.isDomain || labelSkeleton !== target.skeleton || uLabel === target.label) return null;
  const techniques: Technique[] = ['homoglyph'];
  const reasons = substitutions(uLabel, target.label);
  let score = target.weak ? 0.5 : target.label.length >= 5 ? 0.88 : 0.72;
  if (idn) {
    techniques.push('idn');
    const scripts = scriptsOf(uLabel);
    reasons.push(`IDN shown as \`${uLabel}\`, registered as \`${asciiLabel}\``);
    if (scripts.length > 1) {
      reasons.push(`mixes ${scripts.join(' and ')} letters`);
      score += 0.07;
    }
  }
  return { target, score: clampScore(score), techniques, reasons };
}
