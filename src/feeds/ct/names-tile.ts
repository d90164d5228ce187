/**
 * Names tiles (`tile/names/<N>`, served beside the data tiles by sunlight logs): one JSON line per
 * entry, `{"Timestamp": ms, "Subject": {"CommonName": …}, "DNS": [...]}`, often stored gzipped. A
 * tenth of a data tile's size and no DER to walk, but not covered by the Merkle tree: what they say
 * cannot be checked against the signed checkpoint. A tile whose line count differs from its width, or
 * with a line that is not an entry, is refused whole (the caller falls back to the data tile).
 */

/** The names of one entry as a names tile gives them. */
export interface NamedEntry {
  readonly index: number;
  /** Milliseconds since the epoch; undefined when the line has none. */
  readonly timestamp: number | undefined;
  readonly commonName: string | undefined;
  readonly dnsNames: readonly string[];
}

export type NamesTileRead = { readonly ok: true; readonly entries: readonly NamedEntry[] } | { readonly ok: false; readonly message: string };

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;
}

/** One line: the sunlight object, or a bare JSON array of names (as in sunlight's own test tree). */
function readLine(text: string, index: number): NamedEntry | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const bare = strings(v);
  if (bare !== undefined) return { index, timestamp: undefined, commonName: undefined, dnsNames: bare };
  const o = record(v);
  if (o === undefined) return 'not an object';
  const dns = o.DNS === undefined || o.DNS === null ? [] : strings(o.DNS);
  if (dns === undefined) return 'DNS is not a list of strings';
  const ts = o.Timestamp;
  if (ts !== undefined && (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < 0)) return 'Timestamp is not a number of milliseconds';
  const cn = record(o.Subject)?.CommonName;
  return { index, timestamp: ts, commonName: typeof cn === 'string' && cn !== '' ? cn : undefined, dnsNames: dns };
}

/** Reads a (gunzipped) names tile of `width` entries whose first entry is leaf `first`. */
export function readNamesTile(body: Uint8Array, width: number, first: number): NamesTileRead {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (text === '' || lines.length !== width) return { ok: false, message: `${text === '' ? 0 : lines.length} lines for ${width} entries` };
  const entries: NamedEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const e = readLine(lines[i]!, first + i);
    if (typeof e === 'string') return { ok: false, message: `line ${i + 1} (entry ${first + i}): ${e}` };
    entries.push(e);
  }
  return { ok: true, entries };
}
