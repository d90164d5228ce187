import { parseName, skeleton } from '../names/index.js';
import type { Brand } from '../types.js';

/**
 * A target: one string that stands for a brand, with what every detector needs precomputed.
 * A brand yields one target per own domain (`en-marche.fr`), plus token-only targets for its
 * keywords and for its name when that differs from its labels (`DNC VoteBuilder` → `dncvotebuilder`).
 */
export interface Target {
  readonly id: number;
  readonly brand: number;
  /** The brand domain the target stands for (a token-only target names the brand's first domain). */
  readonly domain: string;
  /** The label as written (`en-marche`). */
  readonly label: string;
  /** The brand domain's public suffix (`fr`), or '' for token-only targets. */
  readonly suffix: string;
  /** Skeleton of the label, and the same without separators: what the automaton looks for. */
  readonly skeleton: string;
  readonly flat: string;
  /** Letters and digits in the label, separators left out: what `long` and `short` mean for scores. */
  readonly letters: number;
  /** True when the label is itself a domain label of the brand (not a keyword or the brand's name). */
  readonly isDomain: boolean;
  /** True for the brand domain written flat (`mfagovxx` for `mfa.gov.xx`): finding it is a levelsquat. */
  readonly flatDomain: boolean;
  /** Weak tokens (short or everyday words such as `live`, `office`, `mail`) need strong context to count. */
  readonly weak: boolean;
  /** Most edits a typo of this label may have: 0 (none), 1 or 2, from its length. */
  readonly maxEdits: number;
}

/** Edits allowed by length: short labels have too many honest neighbours. */
export function maxEditsFor(length: number, weak: boolean): number {
  if (weak || length <= 3) return 0;
  return length >= 9 ? 2 : 1;
}

function flatten(s: string): string {
  return s.replace(/[-._]/g, '');
}

function isWeak(flat: string, generic: ReadonlySet<string>): boolean {
  return flat.length <= 3 || generic.has(flat);
}

/** Builds the targets of every brand. `generic` holds everyday words and keywords (flat, lower case). */
export function buildTargets(brands: readonly Brand[], generic: ReadonlySet<string>): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (brand: number, domain: string, label: string, suffix: string, isDomain: boolean, flatDomain = false): void => {
    const sk = skeleton(label);
    const flat = flatten(sk);
    if (flat.length === 0 || !/^[a-z0-9]+$/.test(flat)) return;
    const key = `${brand} ${label} ${suffix}`;
    if (seen.has(key)) return;
    seen.add(key);
    const weak = isWeak(flatten(label), generic);
    targets.push({ id: targets.length, brand, domain, label, suffix, skeleton: sk, flat, letters: flatten(label).length, isDomain, flatDomain, weak, maxEdits: isDomain ? maxEditsFor(label.length, weak) : 0 });
  };
  brands.forEach((b, bi) => {
    const primary = b.domains[0] ?? '';
    for (const d of b.domains) {
      const p = parseName(d);
      if (!p.ok) continue;
      add(bi, p.name.domain, p.name.uLabel, p.name.suffix, true);
      // A short label or a multi-label suffix is often written out flat: `mfa-gov-xx.com`, `bbc-co-uk.net`.
      const flatName = flatten(`${p.name.uLabel}${p.name.suffix}`);
      if ((p.name.uLabel.length <= 3 || p.name.suffix.includes('.')) && flatName.length >= 6) add(bi, p.name.domain, flatName, '', false, true);
    }
    for (const k of b.keywords) add(bi, primary, k.toLowerCase(), '', false);
    // The brand's name as a token (`DNC VoteBuilder` → `dncvotebuilder`) when it is no domain and no label already.
    const nameToken = b.name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const labels = new Set(b.domains.map((d) => flatten(d.split('.')[0] ?? '')));
    if (nameToken.length >= 5 && !b.name.includes('.') && !labels.has(nameToken)) add(bi, primary, nameToken, '', false);
  });
  return targets;
}
