import { createSocket, type RemoteInfo } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import * as packet from 'dns-packet';

/** One record of a test zone. A name starting with `*.` is a wildcard. */
export type ZoneRecord = { readonly name: string; readonly ttl?: number } & (
  | { readonly type: 'A' | 'AAAA' | 'NS' | 'CNAME'; readonly data: string }
  | { readonly type: 'TXT'; readonly data: string | readonly string[] }
  | { readonly type: 'MX'; readonly data: { readonly preference: number; readonly exchange: string } }
  | {
      readonly type: 'SOA';
      readonly data: { readonly mname: string; readonly rname: string; readonly serial?: number; readonly minimum?: number };
    }
);

export interface TestZone {
  readonly records: readonly ZoneRecord[];
  /** Names the server never answers (a dead authoritative server). */
  readonly timeout?: readonly string[];
  /** Names answered with SERVFAIL. */
  readonly servfail?: readonly string[];
  /** Every answer held back this long (to see how many queries a client keeps in flight). */
  readonly delayMs?: number;
}

export interface DnsTestServer {
  readonly port: number;
  /** `127.0.0.1:PORT`, for `Resolver.setServers` or `--resolver`. */
  readonly address: string;
  /** Every question received, over UDP or TCP, in order. */
  readonly queries: { name: string; type: string; transport: 'udp' | 'tcp' }[];
  /** The most queries received and not yet answered at one time. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;
const MAX_CNAME_HOPS = 8;

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function ancestors(name: string): string[] {
  const labels = name.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** The zone as a lookup: exact names, wildcards, and every name that exists (ancestors too). */
class Zone {
  private readonly byName = new Map<string, ZoneRecord[]>();
  private readonly existing = new Set<string>();
  constructor(readonly data: TestZone) {
    for (const r of data.records) {
      const n = norm(r.name);
      this.byName.set(n, [...(this.byName.get(n) ?? []), r]);
      for (const a of ancestors(n)) if (!a.startsWith('*')) this.existing.add(a);
    }
  }

  /** Records at `name`, synthesised from the closest wildcard when the name does not exist. */
  recordsAt(name: string): ZoneRecord[] | null {
    const exact = this.byName.get(name);
    if (exact !== undefined) return exact;
    if (this.existing.has(name)) return [];
    for (const a of ancestors(name).slice(1)) {
      const wild = this.byName.get(`*.${a}`);
      if (wild !== undefined) return wild;
      if (this.existing.has(a)) break;
    }
    return null;
  }

  soaFor(name: string): ZoneRecord | undefined {
    for (const a of ancestors(name)) {
      const soa = this.byName.get(a)?.find((r) => r.type === 'SOA');
      if (soa !== undefined) return { ...soa, name: a };
    }
    return undefined;
  }
}

function toAnswer(r: ZoneRecord, name: string): packet.Answer {
  const base = { name, ttl: r.ttl ?? 300, class: 'IN' as const };
  switch (r.type) {
    case 'TXT':
      return { ...base, type: 'TXT', data: typeof r.data === 'string' ? r.data : [...r.data] };
    case 'MX':
      return { ...base, type: 'MX', data: { ...r.data } };
    case 'SOA':
      return { ...base, type: 'SOA', data: { serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 300, ...r.data } };
    default:
      return { ...base, type: r.type, data: r.data };
  }
}

/** The response to one question, or null to stay silent. */
function respond(zone: Zone, query: packet.DecodedPacket): packet.Packet | null {
  const q = query.questions?.[0];
  const reply = (rcode: number, answers: packet.Answer[] = [], authorities: packet.Answer[] = []): packet.Packet => ({
    type: 'response',
    id: query.id ?? 0,
    flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_AVAILABLE | ((query.flags ?? 0) & packet.RECURSION_DESIRED) | rcode,
    questions: query.questions ?? [],
    answers,
    authorities,
  });
  if (q === undefined) return reply(RCODE.SERVFAIL);
  const qname = norm(q.name);
  if (zone.data.timeout?.some((n) => norm(n) === qname)) return null;
  if (zone.data.servfail?.some((n) => norm(n) === qname)) return reply(RCODE.SERVFAIL);
  const answers: packet.Answer[] = [];
  let name = qname;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const records = zone.recordsAt(name);
    if (records === null) {
      if (hop > 0) break; // a CNAME into the void: the chain is the answer
      const soa = zone.soaFor(qname);
      return reply(RCODE.NXDOMAIN, [], soa === undefined ? [] : [toAnswer(soa, soa.name)]);
    }
    const cname = records.find((r) => r.type === 'CNAME');
    if (cname !== undefined && q.type !== 'CNAME') {
      answers.push(toAnswer(cname, name));
      name = norm(String(cname.data));
      continue;
    }
    for (const r of records) if (r.type === q.type) answers.push(toAnswer(r, name));
    break;
  }
  return reply(RCODE.NOERROR, answers);
}

function udpLimit(query: packet.DecodedPacket): number {
  const opt = query.additionals?.find((a): a is packet.OptAnswer => a.type === 'OPT');
  return Math.max(512, opt?.udpPayloadSize ?? 512);
}

/**
 * A real DNS server on 127.0.0.1, UDP and TCP on the same random port, answering from a zone given
 * as data: NXDOMAIN for names that do not exist, NODATA for types a name lacks, CNAME chains,
 * wildcards, SERVFAIL and silence on request. Answers too big for UDP come back truncated, so the
 * client retries over TCP as a real one must.
 */
export async function startDnsServer(data: TestZone): Promise<DnsTestServer> {
  // The UDP port is random; TCP may find it taken, so try a few.
  for (let attempt = 1; ; attempt++) {
    try {
      return await listen(new Zone(data));
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
}

async function listen(zone: Zone): Promise<DnsTestServer> {
  const queries: DnsTestServer['queries'] = [];
  const udp = createSocket('udp4');
  const tcpSockets = new Set<Socket>();

  const handle = (msg: Buffer, transport: 'udp' | 'tcp'): Buffer | null => {
    let query: packet.DecodedPacket;
    try {
      query = packet.decode(msg);
    } catch {
      return null;
    }
    const q = query.questions?.[0];
    if (q !== undefined) queries.push({ name: norm(q.name), type: q.type, transport });
    const response = respond(zone, query);
    if (response === null) return null;
    const out = packet.encode(response);
    if (transport === 'udp' && out.length > udpLimit(query)) {
      return packet.encode({ ...response, flags: (response.flags ?? 0) | packet.TRUNCATED_RESPONSE, answers: [], authorities: [] });
    }
    return out;
  };

  let inFlight = 0;
  let maxInFlight = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** Sends after the zone's delay, counting what waits; a closed socket drops the answer. */
  const later = (send: () => void): void => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const t = setTimeout(() => {
      timers.delete(t);
      inFlight--;
      try {
        send();
      } catch {
        // closed while waiting
      }
    }, zone.data.delayMs ?? 0);
    timers.add(t);
  };

  udp.on('message', (msg: Buffer, from: RemoteInfo) => {
    const out = handle(msg, 'udp');
    if (out !== null) later(() => udp.send(out, from.port, from.address));
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const port = udp.address().port;

  const tcp: Server = createServer((socket) => {
    tcpSockets.add(socket);
    socket.on('close', () => tcpSockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const out = handle(buf.subarray(2, 2 + len), 'tcp');
        buf = buf.subarray(2 + len);
        if (out !== null) later(() => socket.write(Buffer.concat([Buffer.from([out.length >> 8, out.length & 0xff]), out])));
      }
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(port, '127.0.0.1', resolve);
    });
  } catch (e) {
    udp.close();
    throw e;
  }

  return {
    port,
    address: `127.0.0.1:${port}`,
    queries,
    maxInFlight: () => maxInFlight,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of tcpSockets) s.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}
