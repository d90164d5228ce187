/**
 * MISP galaxy cluster files (MISP/misp-galaxy clusters/threat-actor.json, mitre-intrusion-set.json):
 * each value is one actor with its synonyms. `APT28 - G0007` style names also yield `APT28` and `G0007`.
 */
import type { ActorRecord, ImportBatch, ImportIssue } from '../types.js';
import { isRecord, parseJson, str, strings } from './json-input.js';

export function parseMispGalaxy(text: string, source: string): ImportBatch {
  const json = parseJson(text, source);
  const empty = { format: 'misp-galaxy' as const, source, indicators: [] };
  if (!json.ok) return { ...empty, actors: [], issues: [json.issue] };
  const root = json.value;
  if (!isRecord(root) || !Array.isArray(root.values)) {
    return { ...empty, actors: [], issues: [{ source, position: 'root', reason: 'not a MISP galaxy cluster file: no values array' }] };
  }
  const namespace = `misp-galaxy:${str(root.type) ?? str(root.name) ?? source}`;
  const actors: ActorRecord[] = [];
  const issues: ImportIssue[] = [];
  root.values.forEach((v: unknown, i: number) => {
    const position = `values[${i}]`;
    const name = isRecord(v) ? str(v.value) : undefined;
    if (!isRecord(v) || name === undefined) {
      issues.push({ source, position, reason: 'cluster value without a name' });
      return;
    }
    const meta = isRecord(v.meta) ? v.meta : {};
    const synonyms = strings(meta.synonyms);
    const external = str(meta.external_id);
    const dashed = / - (G\d{4})$/.exec(name);
    if (dashed?.[1] !== undefined) synonyms.push(name.slice(0, dashed.index), dashed[1]);
    if (external !== undefined && !synonyms.includes(external)) synonyms.push(external);
    const country = str(meta.country) ?? strings(meta.country)[0];
    actors.push({ name, synonyms, namespace, origin: { source, position }, ...(country === undefined ? {} : { country }) });
  });
  return { ...empty, actors, issues };
}
