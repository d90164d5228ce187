/**
 * MISP event exports (`{"response":[{"Event":…}]}`, `{"Event":…}` or a list of them): network attributes
 * (domains, host names, IPs, sender e-mails, URLs, hashes, registrant facts), inside objects too; the
 * actor from the event's threat-actor galaxy clusters or `misp-galaxy:threat-actor="…"` tags; the
 * event's `info` as the report. Recipient addresses (`email-dst`) are victims, not infrastructure.
 */
import type { ActorRecord, ImportBatch, ImportIssue, Indicator } from '../types.js';
import { normaliseAs } from './indicator-value.js';
import { isRecord, parseJson, str, strings } from './json-input.js';

type Kind = Indicator['kind'];

const TYPES: Readonly<Record<string, Kind>> = {
  domain: 'domain',
  hostname: 'domain',
  'ip-dst': 'ip',
  'ip-src': 'ip',
  'email-src': 'email',
  'whois-registrant-email': 'email',
  'whois-registrar': 'registrar',
  url: 'url',
  md5: 'hash',
  sha1: 'hash',
  sha256: 'hash',
  'x509-fingerprint-sha1': 'cert',
  'x509-fingerprint-sha256': 'cert',
  AS: 'asn',
};

const ACTOR_GALAXIES = new Set(['threat-actor', 'mitre-intrusion-set']);
const TAG = /^misp-galaxy:(threat-actor|mitre-intrusion-set)="(.+)"$/;

export function parseMisp(text: string, source: string): ImportBatch {
  const json = parseJson(text, source);
  if (!json.ok) return { format: 'misp', source, indicators: [], actors: [], issues: [json.issue] };
  const events = eventsOf(json.value);
  const out = { indicators: [] as Indicator[], actors: [] as ActorRecord[], issues: [] as ImportIssue[] };
  if (events.length === 0) out.issues.push({ source, position: 'root', reason: 'no MISP Event found' });
  for (const [i, ev] of events.entries()) readEvent(ev, `events[${i}]`, source, out);
  return { format: 'misp', source, ...out };
}

function eventsOf(root: unknown): Record<string, unknown>[] {
  const wrapped = isRecord(root) && Array.isArray(root.response) ? root.response : Array.isArray(root) ? root : [root];
  const events: Record<string, unknown>[] = [];
  for (const w of wrapped) if (isRecord(w) && isRecord(w.Event)) events.push(w.Event);
  return events;
}

interface Sink {
  indicators: Indicator[];
  actors: ActorRecord[];
  issues: ImportIssue[];
}

function readEvent(ev: Record<string, unknown>, at: string, source: string, out: Sink): void {
  const report = str(ev.info);
  const date = str(ev.date);
  const namespace = `misp-event:${str(ev.uuid) ?? `${source}#${at}`}`;
  const names = new Set<string>();
  const galaxies = Array.isArray(ev.Galaxy) ? ev.Galaxy : [];
  galaxies.forEach((g: unknown, gi: number) => {
    if (!isRecord(g) || !ACTOR_GALAXIES.has(str(g.type) ?? '')) return;
    const clusters = Array.isArray(g.GalaxyCluster) ? g.GalaxyCluster : [];
    clusters.forEach((c: unknown, ci: number) => {
      const name = isRecord(c) ? str(c.value) : undefined;
      if (!isRecord(c) || name === undefined) return;
      names.add(name);
      const synonyms = isRecord(c.meta) ? strings(c.meta.synonyms) : [];
      out.actors.push({ name, synonyms, namespace, origin: { source, position: `${at}.Galaxy[${gi}].GalaxyCluster[${ci}]` } });
    });
  });
  for (const t of Array.isArray(ev.Tag) ? ev.Tag : []) {
    const m = isRecord(t) ? TAG.exec(str(t.name) ?? '') : null;
    if (m?.[2] !== undefined) names.add(m[2]);
  }
  const attrs: [unknown, string][] = [];
  (Array.isArray(ev.Attribute) ? ev.Attribute : []).forEach((a: unknown, i: number) => attrs.push([a, `${at}.Attribute[${i}]`]));
  (Array.isArray(ev.Object) ? ev.Object : []).forEach((o: unknown, oi: number) => {
    if (!isRecord(o) || !Array.isArray(o.Attribute)) return;
    o.Attribute.forEach((a: unknown, i: number) => attrs.push([a, `${at}.Object[${oi}].Attribute[${i}]`]));
  });
  for (const [a, position] of attrs) {
    if (!isRecord(a)) {
      out.issues.push({ source, position, reason: 'attribute is not an object' });
      continue;
    }
    const type = str(a.type);
    const value = str(a.value);
    if (type === undefined || value === undefined) {
      out.issues.push({ source, position, reason: 'attribute without type or value' });
      continue;
    }
    for (const [kind, raw] of split(type, value)) {
      const v = normaliseAs(kind, raw);
      if (v === null) {
        out.issues.push({ source, position, reason: `${type} value ${JSON.stringify(raw.slice(0, 80))} is not valid` });
        continue;
      }
      const base: Indicator = {
        kind,
        value: v,
        origin: { source, position },
        ...(report === undefined ? {} : { report }),
        ...(date === undefined ? {} : { observed: date }),
      };
      if (names.size === 0) out.indicators.push(base);
      for (const actor of names) out.indicators.push({ ...base, actor });
    }
  }
}

/** `domain|ip`, `ip-dst|port`, `filename|sha1`: the parts that are indicators, with their kinds. */
function split(type: string, value: string): [Kind, string][] {
  if (!type.includes('|')) {
    const kind = TYPES[type];
    return kind === undefined ? [] : [[kind, value]];
  }
  const types = type.split('|');
  const values = value.split('|');
  const out: [Kind, string][] = [];
  types.forEach((t, i) => {
    const kind = TYPES[t];
    const v = values[i];
    if (kind !== undefined && v !== undefined) out.push([kind, v]);
  });
  return out;
}
