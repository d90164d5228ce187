import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** A route (keyed `/path`, or `host/path` to answer one virtual host): status, headers and body, or a function of the request. */
export type Route =
  | { readonly status?: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string | Buffer }
  | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

export interface LocalServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` (or https). */
  readonly origin: string;
  /** Paths requested, in order (what was actually connected for). */
  readonly seen: string[];
  close(): Promise<void>;
}

function handler(routes: Readonly<Record<string, Route>>, seen: string[]) {
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const path = req.url ?? '/';
    seen.push(`${req.headers.host ?? ''}${path}`);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes[`${host}${path}`] ?? routes[path] ?? routes['*'];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      route(req, res);
      return;
    }
    res.writeHead(route.status ?? 200, { ...route.headers }).end(route.body ?? '');
  };
}

/** An HTTP (or, given a key and certificate, HTTPS) server on 127.0.0.1 and a free port. */
export async function startHttpServer(routes: Readonly<Record<string, Route>>, tls?: { key: string; cert: string }): Promise<LocalServer> {
  const seen: string[] = [];
  const server = tls === undefined ? http.createServer(handler(routes, seen)) : https.createServer(tls, handler(routes, seen));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
