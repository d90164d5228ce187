/**
 * STIX 2.0/2.1 bundles: intrusion sets and threat actors (names, aliases), indicators whose patterns
 * name domains, IPs, URLs, e-mails or hashes, and the relationships tying them together
 * (indicator `indicates` campaign/malware/actor, campaign `attributed-to` intrusion set, …).
 * Reports lend their name to the indicators they list.
 */
import type { ActorRecord, ImportBatch, ImportIssue, Indicator } from '../types.js';
import { isRecord, parseJson, str, strings } from './json-input.js';
import { parseStixPattern } from './stix-pattern.js';

const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor']);
const FOLLOW = new Set(['indicates', 'attributed-to']);

interface StixObject {
  readonly id: string;
  readonly type: string;
  readonly raw: Record<string, unknown>;
  readonly position: string;
}

export function parseStix(text: string, source: string): ImportBatch {
  const empty = { format: 'stix' as const, source, indicators: [], actors: [] };
  const json = parseJson(text, source);
  if (!json.ok) return { ...empty, issues: [json.issue] };
  const root = json.value;
  const list = isRecord(root) && Array.isArray(root.objects) ? root.objects : Array.isArray(root) ? root : null;
  if (list === null) return { ...empty, issues: [{ source, position: 'root', reason: 'not a STIX bundle: no objects array' }] };

  const issues: ImportIssue[] = [];
  const objects = new Map<string, StixObject>();
  list.forEach((raw: unknown, i: number) => {
    const position = `objects[${i}]`;
    if (!isRecord(raw)) return issues.push({ source, position, reason: 'not an object' });
    const id = str(raw.id);
    const type = str(raw.type);
    if (id === undefined || type === undefined) return issues.push({ source, position, reason: 'object without id or type' });
    objects.set(id, { id, type, raw, position });
    return undefined;
  });

  const edges = new Map<string, string[]>();
  const reportOf = new Map<string, string>();
  for (const o of objects.values()) {
    if (o.type === 'relationship') {
      const kind = str(o.raw.relationship_type);
      const from = str(o.raw.source_ref);
      const to = str(o.raw.target_ref);
      if (kind === undefined || from === undefined || to === undefined) {
        issues.push({ source, position: o.position, reason: 'relationship without relationship_type, source_ref or target_ref' });
      } else if (FOLLOW.has(kind)) {
        edges.set(from, [...(edges.get(from) ?? []), to]);
      }
    } else if (o.type === 'report') {
      const name = str(o.raw.name) ?? o.id;
      for (const ref of strings(o.raw.object_refs)) if (!reportOf.has(ref)) reportOf.set(ref, name);
    }
  }

  const actors: ActorRecord[] = [];
  for (const o of objects.values()) {
    if (!ACTOR_TYPES.has(o.type)) continue;
    const name = str(o.raw.name);
    if (name === undefined) {
      issues.push({ source, position: o.position, reason: `${o.type} without a name` });
      continue;
    }
    const synonyms = [...strings(o.raw.aliases), ...externalIds(o.raw)].filter((s) => s !== name);
    actors.push({ name, synonyms, namespace: `stix:${source}`, origin: { source, position: o.position } });
  }

  const indicators: Indicator[] = [];
  for (const o of objects.values()) {
    if (o.type !== 'indicator') continue;
    const pattern = str(o.raw.pattern);
    const patternType = str(o.raw.pattern_type) ?? 'stix';
    if (pattern === undefined) {
      issues.push({ source, position: o.position, reason: 'indicator without a pattern' });
      continue;
    }
    if (patternType !== 'stix') continue;
    const parsed = parseStixPattern(pattern);
    if (!parsed.ok) {
      issues.push({ source, position: `${o.position}.pattern`, reason: parsed.reason });
      continue;
    }
    const names = actorsOf(o.id, objects, edges);
    const observed = str(o.raw.valid_from) ?? str(o.raw.created);
    const report = reportOf.get(o.id) ?? campaignOf(o.id, objects, edges);
    for (const v of parsed.values) {
      const base: Indicator = {
        kind: v.kind,
        value: v.value,
        origin: { source, position: o.position },
        ...(observed === undefined ? {} : { observed }),
        ...(report === undefined ? {} : { report }),
      };
      if (names.length === 0) indicators.push(base);
      for (const actor of names) indicators.push({ ...base, actor });
    }
  }
  return { format: 'stix', source, indicators, actors, issues };
}

/** The names of the intrusion sets / threat actors an object leads to through indicates/attributed-to. */
function actorsOf(id: string, objects: ReadonlyMap<string, StixObject>, edges: ReadonlyMap<string, string[]>): string[] {
  const found = new Set<string>();
  const seen = new Set<string>([id]);
  let frontier = [id];
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const to of edges.get(from) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        const o = objects.get(to);
        const name = o === undefined ? undefined : str(o.raw.name);
        if (o !== undefined && ACTOR_TYPES.has(o.type) && name !== undefined) found.add(name);
        else next.push(to);
      }
    }
    frontier = next;
  }
  return [...found];
}

/** The campaign an indicator indicates, as a stand-in report name when no report lists it. */
function campaignOf(id: string, objects: ReadonlyMap<string, StixObject>, edges: ReadonlyMap<string, string[]>): string | undefined {
  for (const to of edges.get(id) ?? []) {
    const o = objects.get(to);
    if (o?.type === 'campaign') return str(o.raw.name);
  }
  return undefined;
}

/** ATT&CK group ids (G0007) from external_references, so they join the synonyms. */
function externalIds(raw: Record<string, unknown>): string[] {
  const refs = Array.isArray(raw.external_references) ? raw.external_references : [];
  const ids: string[] = [];
  for (const r of refs) {
    if (!isRecord(r)) continue;
    const id = str(r.external_id);
    if (id !== undefined && /^G\d{4}$/.test(id)) ids.push(id);
  }
  return ids;
}
