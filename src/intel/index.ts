/** Actor knowledge, the indicator graph and attribution: the public face of src/intel/. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type BackgroundFiles, loadBackground } from './background.js';
import { importFiles } from './import-files.js';
import { type IntelStore, MemoryIntelStore } from './intel-store.js';
import { type IntelFile, shippedAsnLookup } from './shipped.js';
import type { AsnLookup } from './types.js';
import { Knowledge, type KnowledgeOptions } from './knowledge.js';

export type * from './types.js';
export { attribute, type AttributeOptions } from './attribute.js';
export { Knowledge, type KnowledgeOptions, isHeldOut, DEFAULT_NAMING_TEMPERATURE } from './knowledge.js';
export { ActorResolver, normaliseActorName, type ActorIdentity } from './actor-identity.js';
export { IndicatorGraph, type Neighbour } from './graph.js';
export { pivot, type PivotResult } from './pivot.js';
export { SCALE, wordsFor, reliability } from './calibration.js';
export { buildBackground, loadBackground, type Background, type BackgroundFiles } from './background.js';
export { MemoryIntelStore, type IntelStore, type ImportSummary } from './intel-store.js';
export { parseIntel, detectFormat, IMPORT_FORMATS, type ParseOptions } from './import/index.js';
export { importFile, importFiles, readText, sourceName, type FileImport } from './import-files.js';
export { SqliteIntelStore, openSqliteIntelStore, type SourceRecord } from './sqlite-intel-store.js';
export { shippedKnowledge, shippedAsnLookup, SHIPPED_INTEL_DIR, type IntelFile, type ShippedKnowledge } from './shipped.js';
export { AsnIndex, asnLabel, parseAsn } from './asn-index.js';

/** The actor knowledge in the project's shared test data, `../shared/data/` (the shipped subset: shipped.ts). */
export async function standardKnowledgeFiles(sharedData: string): Promise<string[]> {
  const maltrail = join(sharedData, 'actors/maltrail');
  const trails = (await readdir(maltrail)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(maltrail, f));
  const eset = join(sharedData, 'actors/eset-sednit');
  const events = (await readdir(eset)).filter((f) => f.endsWith('.json')).sort().map((f) => join(eset, f));
  return [
    join(sharedData, 'misp-galaxy/threat-actor.json'),
    join(sharedData, 'misp-galaxy/mitre-intrusion-set.json'),
    join(sharedData, 'stix/mitre-attack/intrusion-set--G0007-APT28.json'),
    join(sharedData, 'grizzly-steppe/JAR-16-20296A.csv'),
    ...events,
    ...trails,
  ];
}

/** Top lists and a phishing list from `../shared/data/`, the rarity background. */
export function standardBackgroundFiles(sharedData: string): BackgroundFiles {
  const top = (f: string) => join(sharedData, 'toplists', f);
  return {
    toplists: [top('misp-warninglist-tranco10k.json'), top('misp-warninglist-cisco_top20k.json'), top('misp-warninglist-cloudflare-top100k.json')],
    lookalikes: [join(sharedData, 'phishing/phishingdatabase-domains-ACTIVE2.txt')],
  };
}

export interface LoadOptions extends Omit<KnowledgeOptions, 'background' | 'asn'> {
  /** IP → AS for the ASN evidence: the table shipped in data/ip2asn/ when absent, none with null. */
  readonly asn?: AsnLookup | null;
  /** Where imported knowledge is kept; a fresh in-memory store when absent. */
  readonly store?: IntelStore;
  /** Files to import into the store first. */
  readonly files?: readonly (string | IntelFile)[];
  readonly background?: BackgroundFiles;
}

/** Imports `files` (if any) into the store, then builds the in-memory knowledge attribution reads. */
export async function loadKnowledge(options: LoadOptions = {}): Promise<Knowledge> {
  const store = options.store ?? new MemoryIntelStore();
  if (options.files !== undefined) await importFiles(store, options.files);
  const background = options.background === undefined ? undefined : await loadBackground(options.background);
  const asn = options.asn === undefined ? await shippedAsnLookup() : options.asn;
  const { background: _files, asn: _asn, ...rest } = options;
  return new Knowledge(await store.batches(), { ...rest, ...(background === undefined ? {} : { background }), ...(asn === null ? {} : { asn }) });
}
