/**
 * maltrail per-actor trail files (stamparm/maltrail trails/static/malware/apt_*.txt): a comment header
 * with `# Aliases:` and `# MITRE:` lines, `# Reference:` lines opening each block, then one domain, IP
 * (optionally with a port) or URL per line. The actor is named by the file (`apt_sofacy.txt` → `sofacy`).
 */
import type { ActorRecord, ImportBatch, ImportIssue, Indicator } from '../types.js';
import { classify, normaliseIpv4, urlHost } from './indicator-value.js';

/** `…/apt_sofacy.txt` → `sofacy`. */
export function maltrailActorName(source: string): string {
  const base = source.slice(source.lastIndexOf('/') + 1).replace(/\.txt$/i, '');
  return base.replace(/^apt_/i, '').replaceAll('_', ' ');
}

const CERT = /^#\s*CERT_FINGERPRINT(?:_SHA256)?-HOST=([0-9a-f]{40}|[0-9a-f]{64})\s*$/i;

export function parseMaltrail(text: string, source: string): ImportBatch {
  const actor = maltrailActorName(source);
  const synonyms: string[] = [];
  const indicators: Indicator[] = [];
  const issues: ImportIssue[] = [];
  let report: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // a trail may carry a note after it: `gecurrenttime.com   # pDNS`
    const line = (lines[i] ?? '').replace(/\s+#.*$/, '').trim();
    if (line === '') continue;
    const position = `line ${i + 1}`;
    if (line.startsWith('#')) {
      const body = line.slice(1).trim();
      if (/^aliases:/i.test(body)) {
        for (const a of body.slice(body.indexOf(':') + 1).split(',')) if (a.trim() !== '') synonyms.push(a.trim());
      } else if (/^mitre:/i.test(body)) {
        const g = /\/groups\/(G\d{4})/i.exec(body);
        if (g?.[1] !== undefined) synonyms.push(g[1].toUpperCase());
      } else if (/^refere?n?c?e?:/i.test(body) || /^refer[a-z]*:/i.test(body)) {
        // an empty `# Reference:` ends the previous block's report without naming a new one
        const named = body.slice(body.indexOf(':') + 1).trim();
        report = named === '' ? undefined : named;
      } else {
        const cert = CERT.exec(line);
        if (cert?.[1] !== undefined) {
          indicators.push(withReport({ kind: 'cert', value: cert[1].toLowerCase(), actor, origin: { source, position } }, report));
        }
      }
      continue;
    }
    const c = classify(line);
    if (c === null) {
      issues.push({ source, position, reason: `not a domain, IP, URL or hash: ${JSON.stringify(line.slice(0, 80))}` });
      continue;
    }
    indicators.push(withReport({ kind: c.kind, value: c.value, actor, origin: { source, position } }, report));
    if (c.kind === 'url' && /^[a-z]+:\/\/[^/]+\/?$/i.test(line)) {
      // a bare `http://host/` names the host itself; a longer URL may sit on a shared service
      const host = urlHost(line);
      if (host !== null) {
        const kind = normaliseIpv4(host) === null ? 'domain' : 'ip';
        indicators.push(withReport({ kind, value: host, actor, origin: { source, position } }, report));
      }
    }
  }
  const actors: ActorRecord[] = [{ name: actor, synonyms, namespace: 'maltrail', origin: { source, position: 'header' } }];
  return { format: 'maltrail', source, indicators, actors, issues };
}

function withReport(i: Indicator, report: string | undefined): Indicator {
  return report === undefined ? i : { ...i, report };
}
