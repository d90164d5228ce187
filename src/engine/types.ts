/** The domain model shared by every stage. The engine owns these types; everything else imports them. */

/** Where and when a name was seen. */
export interface Provenance {
  /** The feed that produced the name, e.g. `ct:navigli2025h2`, `zone:fr`, `file:names.txt`. */
  readonly source: string;
  /** Position inside the source: a CT leaf index, a line number, a mail message id. */
  readonly position?: string;
  /** When it was seen, ISO 8601. */
  readonly seenAt: string;
  /** For names taken from certificates. */
  readonly cert?: CertInfo;
}

export interface CertInfo {
  /** SHA-256 of the DER certificate (or TBSCertificate for precertificates), hex. */
  readonly fingerprint: string;
  readonly issuer?: string;
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly precert?: boolean;
}

/** A domain name as seen by a feed. */
export interface Name {
  readonly name: string;
  readonly provenance: Provenance;
}

/** Detection techniques, one detector file each under engine/detect/. */
export type Technique =
  | 'typo'
  | 'homoglyph'
  | 'idn'
  | 'combo'
  | 'tld-swap'
  | 'bitsquat'
  | 'hyphenation'
  | 'dot-insertion'
  | 'subdomain'
  | 'levelsquat'
  | 'split-labels';

/** A protected brand as written in a watchlist. */
export interface Brand {
  readonly name: string;
  /** The brand's own registrable domains: never alerted, and what lookalikes are measured against. */
  readonly domains: readonly string[];
  /** Extra tokens that stand for the brand inside a longer name (e.g. `macron` for En Marche). */
  readonly keywords: readonly string[];
  /** Registrable domains that look alike but are known good. */
  readonly allowlist: readonly string[];
}

/** One name judged to imitate one brand. */
export interface Hit {
  /** The name as given, normalised (lower case, ASCII/punycode). */
  readonly name: string;
  /** The name for display (Unicode). */
  readonly display: string;
  /** The registrable domain of the name (ASCII). */
  readonly domain: string;
  /** The brand's name from the watchlist. */
  readonly brand: string;
  /** Which of the brand's domains the name imitates. */
  readonly brandDomain: string;
  /** In [0,1]. */
  readonly score: number;
  readonly techniques: readonly Technique[];
  /** Sentences a person can read, e.g. "`0` stands for `o`". Attacker-controlled text inside is data: escape when rendering. */
  readonly reasons: readonly string[];
}

/** Why a name could not be parsed; counted by callers, never thrown. */
export type NameError =
  | 'empty'
  | 'too-long'
  | 'label-too-long'
  | 'empty-label'
  | 'bad-character'
  | 'bad-punycode'
  | 'bad-hyphen'
  | 'ip-address'
  | 'no-suffix';

/** Triage states of a finding. */
export type TriageState = 'new' | 'confirmed' | 'benign' | 'taken-down';
