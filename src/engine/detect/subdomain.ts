import type { Target } from '../brands/target.js';
import { clampScore, LazyDetection, type Detection, type ReasonSource } from './detection.js';
import { keywordPhrase } from './keywords.js';
import type { SubdomainRest } from './subdomain-rest.js';
import type { Technique } from '../types.js';

/**
 * The brand inside the subdomain part of an unrelated registrable domain:
 * - levelsquat: the brand's whole domain in front (`en-marche.fr.secure-login.com`), or its suffix
 *   carried on into the registrable label (`paypal.com-secure.xyz`);
 * - subdomain: the brand's label as a label of someone else's domain (`microsoft.account-check.net`).
 * `sub` is the subdomain text, sub[a, b) the brand; `label` and `suffix` the registrable domain's.
 * `levelsquat` needs nothing more; `subdomainWord` also reads what stands beside the brand, which the
 * caller reads once per token and shares between the token's targets.
 */
export function detectLevelsquat(sub: string, a: number, b: number, label: string, suffix: string, target: Target): Detection | null {
  if (!target.isDomain || target.suffix === '') return null;
  const wholeLabel = (a === 0 || sub.charCodeAt(a - 1) === 46) && (b === sub.length || sub.charCodeAt(b) === 46);
  if (!wholeLabel) return null;
  // Compared in place, no slice: this runs for every target of every token in a subdomain.
  const ts = target.suffix;
  const after = b + 1 + ts.length;
  const followsSuffix = b < sub.length && sub.startsWith(ts, b + 1) && (after === sub.length || sub.charCodeAt(after) === 46);
  const suffixCarried = b === sub.length && (label === ts || startsWithDashed(label, ts));
  if (!followsSuffix && !suffixCarried) return null;
  return {
    target,
    score: clampScore(target.weak ? 0.6 : 0.87),
    techniques: ['levelsquat'],
    reasons: [`brand domain \`${target.domain}\` placed in front of \`${label}.${suffix}\``],
  };
}

/** Whether `label` starts with `suffix`, its dots written as hyphens, and a hyphen (`com-secure` for `com`, `co-uk-` for `co.uk`). */
function startsWithDashed(label: string, suffix: string): boolean {
  const n = suffix.length;
  if (label.length <= n || label.charCodeAt(n) !== 45) return false;
  for (let i = 0; i < n; i++) {
    const c = suffix.charCodeAt(i);
    if (label.charCodeAt(i) !== (c === 46 ? 45 : c)) return false;
  }
  return true;
}

const KEYWORDS_BESIDE = 0.15;

/**
 * The score of a brand word in a subdomain before keywords: a whole label, or a whole part of one between hyphens
 * (`paypal-login.example.net`), counts more than letters inside a longer word.
 */
function baseSubdomainScore(sub: string, a: number, b: number, target: Target): number {
  const wholeWord = (a === 0 || isBreak(sub.charCodeAt(a - 1))) && (b === sub.length || isBreak(sub.charCodeAt(b)));
  // A brand word in a subdomain with nothing around it is common and mostly harmless (`microsoft.seesaw.example.io`):
  // under the default threshold unless keywords sit beside it.
  return wholeWord ? (target.letters >= 7 ? 0.45 : 0.4) : 0.3;
}

/** A dot or a hyphen: where a word in a subdomain ends. */
function isBreak(code: number): boolean {
  return code === 46 || code === 45;
}

const SUBDOMAIN: readonly Technique[] = Object.freeze(['subdomain']);
const NO_KEYWORDS: readonly string[] = Object.freeze([]);

/**
 * The score of a brand word in a subdomain, or null for a weak target (an everyday word is no brand word there):
 * one rule for the eager and the lazy detection.
 */
function subdomainWordScore(sub: string, a: number, b: number, target: Target, keywordsBeside: boolean): number | null {
  if (target.weak) return null;
  return clampScore(baseSubdomainScore(sub, a, b, target) + (keywordsBeside ? KEYWORDS_BESIDE : 0));
}

/** A brand word in a subdomain, `keywords` being those read beside it (see SubdomainRest), its reasons built now. */
export function detectSubdomainWord(sub: string, a: number, b: number, label: string, suffix: string, target: Target, keywords: readonly string[]): Detection | null {
  const score = subdomainWordScore(sub, a, b, target, keywords.length > 0);
  return score === null ? null : { target, score, techniques: SUBDOMAIN, reasons: [subdomainWordReason(label, suffix, target, keywords)] };
}

function subdomainWordReason(label: string, suffix: string, target: Target, keywords: readonly string[]): string {
  const kw = keywords.length > 0 ? ` with ${keywordPhrase(keywords)}` : '';
  return `brand \`${target.label}\` as a subdomain of \`${label}.${suffix}\`${kw}`;
}

/**
 * The reasons of a brand word in a subdomain, built when first read. Most such detections never reach a hit, and
 * listing the keywords beside the brand covers every segment of the name (~2 us a CT name), while the score only
 * asks whether there is one (see SubdomainRest.anyBeside). The list depends on the strings and offsets alone, which
 * this holds (see SubdomainRest.keywordsOf), so it is right whenever it is read. Shared by a token's targets of one label.
 */
export class SubdomainWordReasons implements ReasonSource {
  private built: readonly string[] | null = null;
  /** The brand word's score, the same for every domain of the label (it hangs on the label's letters): null if weak. */
  readonly score: number | null;

  constructor(
    private readonly sub: string,
    private readonly a: number,
    private readonly b: number,
    private readonly label: string,
    private readonly suffix: string,
    readonly target: Target,
    private readonly rest: SubdomainRest,
    /** What rest.anyBeside(a, b) said for the name: when false, the list is known to be empty and is not read. */
    private readonly keywordsBeside = true,
  ) {
    this.score = subdomainWordScore(sub, a, b, target, keywordsBeside);
  }

  get reasons(): readonly string[] {
    if (this.built === null) {
      const beside = this.keywordsBeside ? this.rest.keywordsOf(this.sub, this.label, this.a, this.b) : NO_KEYWORDS;
      this.built = [subdomainWordReason(this.label, this.suffix, this.target, beside)];
    }
    return this.built;
  }

  /** The reasons of any domain of the label: they name the brand label and the name, not the domain. */
  reasonsFor(): readonly string[] {
    return this.reasons;
  }
}

/**
 * detectSubdomainWord for a target of `why`'s label (why.target or another domain of it), with the keywords beside it
 * read only if its reasons are: the score is read from `why`, worked out once for all the label's domains (`google`
 * in a subdomain makes a detection for each of ~200).
 */
export function subdomainWordOf(target: Target, why: SubdomainWordReasons): Detection | null {
  return why.score === null || target.weak ? null : new LazyDetection(target, why.score, SUBDOMAIN, why);
}
