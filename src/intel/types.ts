/** The vocabulary of actor knowledge: what importers produce, what the graph keeps, what attribution returns. */

import type { Fact as StoredFact } from '../store/index.js';

/** Kinds of things an indicator or a fact can name; also the node kinds of the indicator graph. */
export type NodeKind =
  | 'domain'
  | 'ip'
  | 'prefix'
  | 'asn'
  | 'ns'
  | 'email'
  | 'registrar'
  | 'cert'
  | 'url'
  | 'hash'
  | 'actor'
  | 'report';

/** Where one record came from: the file (or feed) and the position inside it. */
export interface Origin {
  /** A file path, a URL or a feed name, as given to the importer. */
  readonly source: string;
  /** `line 12`, `objects[3]`, `Event.Attribute[7]`, `row 547`. */
  readonly position: string;
}

/** One indicator of compromise as read from a source, tied to the actor label the source gave it. */
export interface Indicator {
  readonly kind: Exclude<NodeKind, 'actor' | 'report' | 'prefix'>;
  /** Normalised: lower-case domains and e-mails, dotted-quad IPs, lower-case hex hashes. */
  readonly value: string;
  /** The actor as the source names it (resolved to an identity later); absent when the source names none. */
  readonly actor?: string;
  /** The report, event or list the indicator was published in. */
  readonly report?: string;
  /** When the source says it was seen or published, ISO 8601 (may be a date or a month). */
  readonly observed?: string;
  readonly origin: Origin;
}

/** A named actor with the other names sources give it. */
export interface ActorRecord {
  readonly name: string;
  readonly synonyms: readonly string[];
  /** Which naming authority this record comes from: names clashing inside one namespace are never merged. */
  readonly namespace: string;
  readonly country?: string;
  readonly origin: Origin;
}

/** A record that could not be read; the rest of the file is still imported. */
export interface ImportIssue {
  readonly source: string;
  readonly position: string;
  readonly reason: string;
}

export type ImportFormat = 'stix' | 'misp' | 'misp-galaxy' | 'maltrail' | 'csv';

/** What one importer returns for one file. */
export interface ImportBatch {
  readonly format: ImportFormat;
  readonly source: string;
  readonly indicators: readonly Indicator[];
  readonly actors: readonly ActorRecord[];
  readonly issues: readonly ImportIssue[];
}

/**
 * A fact attribution reads: what enrichment stored (the store's Fact), or a fact given by hand (`--facts`),
 * whose time and source may be unknown — the one type, with those two fields optional.
 */
export type Fact = Pick<StoredFact, 'subject' | 'fact' | 'value'> & Partial<Pick<StoredFact, 'observed' | 'source'>>;

/** One line of evidence behind an attribution. */
export interface Evidence {
  /** A sentence a person can read, e.g. "shares IP 194.187.249.135 with Grizzly Steppe (JAR-16-20296A)". */
  readonly fact: string;
  /** Natural log of the likelihood ratio this evidence contributes (0 when it was counted under a stronger one). */
  readonly weight: number;
  readonly source: string;
  /** Evidence of one dependence group (an IP, its /24, its ASN) counts once: the strongest line. */
  readonly counted: boolean;
}

/** The estimative scale's words. */
export type Words =
  | 'almost no chance'
  | 'very unlikely'
  | 'unlikely'
  | 'roughly even chance'
  | 'likely'
  | 'very likely'
  | 'almost certain';

export interface Attribution {
  readonly actor: string;
  readonly aliases: readonly string[];
  readonly probability: number;
  readonly words: Words;
  readonly evidence: readonly Evidence[];
}

/**
 * IPv4 address → the AS announcing it, as attribution needs it. The enrichment's AsnTable
 * (src/enrich) fits as it is; tests may give a small fake.
 */
export interface AsnLookup {
  lookup(ip: string): { readonly asn: number; readonly org: string } | undefined;
}
