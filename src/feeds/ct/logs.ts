/**
 * Which logs to follow and how to read each: from a log list (a file or URL), or from `--log URL`s.
 * A bare URL is probed: a static-ct-api log serves `<url>checkpoint`, an RFC 6962 one does not.
 */
import { readFile } from 'node:fs/promises';
import { logKeyFromBase64 } from './checkpoint.js';
import { LogHttp, type HttpOptions } from './http.js';
import { logNameOf, parseLogList, type LogInfo } from './loglist.js';
import type { CtLogReader } from './reader.js';
import { Rfc6962Reader } from './rfc6962.js';
import { TiledLogReader } from './tiles.js';

/** Reads a log list from a path or an http(s) URL. */
export async function loadLogList(where: string, http: LogHttp): Promise<{ ok: true; logs: readonly LogInfo[]; skipped: readonly { description: string; reason: string }[] } | { ok: false; message: string }> {
  let text: string;
  if (/^https?:\/\//.test(where)) {
    const r = await http.get(where);
    if (!r.ok) return r;
    text = r.body.toString('utf8');
  } else {
    try {
      text = await readFile(where, 'utf8');
    } catch (e) {
      return { ok: false, message: `${where}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
  }
  const r = parseLogList(text, where);
  return r.ok ? { ok: true, logs: r.list.logs, skipped: r.list.skipped } : r;
}

/** A `--log URL` as a LogInfo: its key and kind from the list when it is listed, else probed. */
export async function describeLog(url: string, listed: readonly LogInfo[], http: LogHttp): Promise<LogInfo> {
  const base = url.endsWith('/') ? url : `${url}/`;
  const known = listed.find((l) => l.url === base);
  if (known !== undefined) return known;
  const probe = await http.get(`${base}checkpoint`);
  const kind = probe.ok ? 'tiled' : 'rfc6962';
  return { name: logNameOf(base), description: base, kind, url: base, key: undefined, state: 'unlisted' };
}

/** How to read: `namesTiles` reads a tiled log's names tiles instead of its data tiles where served (see TiledLogConfig). */
export interface ReaderOptions {
  readonly namesTiles?: boolean;
}

export function openReader(log: LogInfo, warn: (m: string) => void, httpOptions: HttpOptions = {}, options: ReaderOptions = {}): CtLogReader | string {
  const key = log.key === undefined ? undefined : logKeyFromBase64(log.key);
  if (typeof key === 'string') return `${log.name}: ${key}`;
  // One request every 100 ms per log by default: far under what logs tolerate, far over what they publish.
  const http = new LogHttp({ minIntervalMs: 100, onRetry: warn, ...httpOptions });
  const config = { name: log.name, url: log.url, http, warn, ...(key === undefined ? {} : { key }) };
  return log.kind === 'tiled' ? new TiledLogReader({ ...config, namesTiles: options.namesTiles === true }) : new Rfc6962Reader(config);
}
