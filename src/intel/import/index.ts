/** Importers: pure parsers from file text to typed indicator and actor records with provenance. */
import type { ImportBatch, ImportFormat } from '../types.js';
import { parseCsv } from './csv.js';
import { detectFormat } from './detect.js';
import { knownReport } from './known-reports.js';
import { parseMaltrail } from './maltrail.js';
import { parseMisp } from './misp.js';
import { parseMispGalaxy } from './misp-galaxy.js';
import { parseStix } from './stix.js';

export { detectFormat, IMPORT_FORMATS } from './detect.js';
export { parseCsv, csvRows } from './csv.js';
export { parseMaltrail, maltrailActorName } from './maltrail.js';
export { parseMisp } from './misp.js';
export { parseMispGalaxy } from './misp-galaxy.js';
export { parseStix } from './stix.js';
export { parseStixPattern } from './stix-pattern.js';
export { KNOWN_REPORTS, knownReport } from './known-reports.js';
export { prefix24, normaliseDomain, normaliseIpv4 } from './indicator-value.js';

export interface ParseOptions {
  /** Overrides detection from content. */
  readonly format?: ImportFormat;
  /** For lists that name no actor (CSV): the actor every row belongs to. */
  readonly actor?: string;
}

/** Parses one file's text with the importer its content (or `options.format`) calls for. */
export function parseIntel(text: string, source: string, options: ParseOptions = {}): ImportBatch {
  const format = options.format ?? detectFormat(text);
  switch (format) {
    case 'stix':
      return parseStix(text, source);
    case 'misp':
      return parseMisp(text, source);
    case 'misp-galaxy':
      return parseMispGalaxy(text, source);
    case 'maltrail':
      return parseMaltrail(text, source);
    case 'csv': {
      const known = knownReport(source);
      const actor = options.actor ?? known?.actor;
      const report = known?.title;
      return parseCsv(text, source, { ...(actor === undefined ? {} : { actor }), ...(report === undefined ? {} : { report }) });
    }
  }
}
