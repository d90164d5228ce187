/**
 * A certstream-like WebSocket server on 127.0.0.1: each connection gets the next script of frames,
 * then is closed by the server, so a client has to reconnect for the next. Frames are derived from
 * the real certstream message in ../shared/data/ct/certstream/example.json.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { SHARED_CT } from './ct-data.js';

/** The real message, parsed, as a template for variations. */
export const CERTSTREAM_EXAMPLE = readFileSync(`${SHARED_CT}certstream/example.json`, 'utf8');

interface ExampleMessage {
  message_type: string;
  data: { cert_index: number; leaf_cert: { all_domains: string[]; subject: { CN: string | null } } & Record<string, unknown> } & Record<string, unknown>;
}

/** The real message with another index and names (the rest of the certificate kept as it is). */
export function variation(index: number, names: readonly string[]): string {
  const m = JSON.parse(CERTSTREAM_EXAMPLE) as ExampleMessage;
  m.data.cert_index = index;
  m.data.leaf_cert.all_domains = [...names];
  m.data.leaf_cert.subject.CN = names[0] ?? null;
  return JSON.stringify(m);
}

export const HEARTBEAT = JSON.stringify({ message_type: 'heartbeat', timestamp: 1581741560.1 });

export interface CertstreamServer {
  readonly url: string;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** Serves `scripts[i]` to the i-th connection, then closes it; later connections get the last script. */
export async function startCertstreamServer(scripts: readonly (readonly string[])[]): Promise<CertstreamServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  let n = 0;
  wss.on('connection', (ws) => {
    const script = scripts[Math.min(n++, scripts.length - 1)] ?? [];
    for (const frame of script) ws.send(frame);
    ws.close(1001, 'going away');
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
  return {
    url,
    connections: () => n,
    close: () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}
