/**
 * The actor knowledge squatwatch ships in `data/intel/` (see its README.md): what `squatwatch demo`
 * and `squatwatch intel import --shipped` load, with no need for the project's shared test data.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_ASN_CSV, loadAsnFile } from '../enrich/index.js';
import type { BackgroundFiles } from './background.js';
import type { AsnLookup } from './types.js';

/** A file to import, with the stable source name it is stored under (not where this copy sits). */
export interface IntelFile {
  readonly path: string;
  readonly source: string;
}

export interface ShippedKnowledge {
  /** In import order: the curated actor names first, then indicators. */
  readonly files: readonly IntelFile[];
  readonly background: BackgroundFiles;
}

/** The folder of the shipped knowledge: `data/intel/` of this installation. */
export const SHIPPED_INTEL_DIR = fileURLToPath(new URL('../../data/intel/', import.meta.url));

export function shippedKnowledge(dir: string = SHIPPED_INTEL_DIR): ShippedKnowledge {
  const file = (relative: string): IntelFile => ({ path: join(dir, relative), source: `data/intel/${relative.replace(/\.gz$/, '')}` });
  const listed = (folder: string, pattern: RegExp): IntelFile[] =>
    readdirSync(join(dir, folder))
      .filter((f) => pattern.test(f))
      .sort()
      .map((f) => file(`${folder}/${f}`));
  const bg = (name: string) => join(dir, 'background', name);
  return {
    files: [
      file('misp-galaxy/threat-actor.json.gz'),
      file('misp-galaxy/mitre-intrusion-set.json.gz'),
      file('mitre-attack/intrusion-set--G0007-APT28.json'),
      file('grizzly-steppe/JAR-16-20296A.csv'),
      ...listed('eset-sednit', /\.json$/),
      ...listed('maltrail', /^apt_.*\.txt(\.gz)?$/),
    ],
    background: {
      toplists: ['tranco10k', 'cisco_top20k', 'cloudflare-top100k'].map((n) => bg(`misp-warninglist-${n}.json.gz`)),
      lookalikes: [bg('phishingdatabase-domains-ACTIVE2.txt.gz')],
    },
  };
}

let shippedAsn: Promise<AsnLookup> | undefined;

/**
 * The IP→ASN table shipped in data/ip2asn/ (~0.7 s to load, ~7 MB), loaded once per process: it is
 * read-only, and a CLI run or a test file may build the knowledge more than once.
 */
export function shippedAsnLookup(): Promise<AsnLookup> {
  shippedAsn ??= loadAsnFile(SHIPPED_ASN_CSV).then((r) => r.table);
  return shippedAsn;
}
