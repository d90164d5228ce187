import type { Target } from '../brands/target.js';
import { clampScore, type Detection } from './detection.js';

/**
 * The brand's token cut by dots across labels: `en.marche-secure.com`, or, when the cut brand stands
 * right before the brand's own suffix, a dot insertion (`micro.soft.com` for `microsoft.com`).
 * `text` is the host without its suffix, text[a, b) the brand, with at least one dot inside.
 */
export function detectSplitLabels(text: string, a: number, b: number, suffix: string, target: Target): Detection | null {
  if (target.weak) return null;
  const span = text.slice(a, b);
  const dotInsertion = b === text.length && suffix === target.suffix && span.replace(/\./g, '') === target.label.replace(/\./g, '');
  if (dotInsertion) {
    return { target, score: clampScore(0.82), techniques: ['dot-insertion'], reasons: [`\`${span}.${suffix}\` is \`${target.domain}\` with a dot inserted`] };
  }
  const score = target.letters >= 7 ? 0.7 : 0.55;
  return { target, score: clampScore(score), techniques: ['split-labels'], reasons: [`brand \`${target.label}\` split across labels as \`${span}\``] };
}
