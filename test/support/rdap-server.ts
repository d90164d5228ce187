import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SHARED } from './shared.js';
import { startHttpServer, type LocalServer } from './http-server.js';

const RDAP = `${SHARED}rdap/`;

export interface RdapFixture {
  readonly server: LocalServer;
  /** A folder holding dns/ipv4/ipv6/asn.json, `.cz` and `.test` pointing at the local server. */
  readonly bootstrapDir: string;
  close(): Promise<void>;
}

/**
 * A local RDAP server answering with CZ.NIC's and Verisign's real answers, a 404 for any other
 * name, a malformed answer for broken.cz, and a 503 then the real answer for flaky.cz.
 */
export async function startRdapServer(): Promise<RdapFixture> {
  const domain = await readFile(`${RDAP}rdap/rdap.nic.cz/domain-example.cz.json`);
  const nameserver = await readFile(`${RDAP}rdap/rdap.nic.cz/nameserver-ns2.pipni.cz.json`);
  const entity = await readFile(`${RDAP}rdap/rdap-pilot.verisignlabs.com/entity-1-VRSN`);
  let flaky = 0;
  const json = { 'content-type': 'application/rdap+json' };
  const server = await startHttpServer({
    '/domain/example.cz': { headers: json, body: domain },
    '/nameserver/ns2.pipni.cz': { headers: json, body: nameserver },
    '/entity/1-VRSN': { headers: json, body: entity },
    '/domain/broken.cz': { headers: json, body: domain.subarray(0, 700) },
    '/domain/notadomain.cz': { headers: json, body: entity },
    '/domain/flaky.cz': (_req, res) => {
      if (flaky++ === 0) res.writeHead(503).end('busy');
      else res.writeHead(200, json).end(domain);
    },
  });
  const bootstrapDir = await mkdtemp(join(tmpdir(), 'squatwatch-rdap-'));
  const dns = JSON.parse(await readFile(`${RDAP}bootstrap/dns.json`, 'utf8')) as { services: unknown[] };
  dns.services = [[['cz', 'test'], [`${server.origin}/`]], [['br'], ['https://rdap.registro.br/']]];
  await writeFile(join(bootstrapDir, 'dns.json'), JSON.stringify(dns));
  for (const kind of ['ipv4', 'ipv6', 'asn']) await copyFile(`${RDAP}bootstrap/${kind}.json`, join(bootstrapDir, `${kind}.json`));
  return {
    server,
    bootstrapDir,
    close: async () => {
      await server.close();
      await rm(bootstrapDir, { recursive: true, force: true });
    },
  };
}

/** A port-43 style server: answers each query line from a table (or "No match for ..."). */
export async function startWhoisServer(answers: Readonly<Record<string, string>>): Promise<{ port: number; queries: string[]; close(): Promise<void> }> {
  const queries: string[] = [];
  const server = net.createServer((socket) => {
    let buf = '';
    socket.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const q = buf.slice(0, nl).trim();
      queries.push(q);
      socket.end(answers[q] ?? `No match for "${q.toUpperCase()}".\r\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// An answer in the ICANN 2013 registry WHOIS format (its keys; values made up for the test).
export const ICANN_FORMAT = `Domain Name: EN-MARCHE-FR.INFO
Registry Domain ID: D503300000040403495-LRMS
Registrar WHOIS Server: whois.example-registrar.test
Updated Date: 2017-04-12T10:00:00Z
Creation Date: 2017-04-10T09:15:00Z
Registry Expiry Date: 2018-04-10T09:15:00Z
Registrar: Example Registrar, Inc.
Registrar IANA ID: 9999
Registrar Abuse Contact Email: abuse@example-registrar.test
Registrar Abuse Contact Phone: +1.5555550100
Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited
Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited
Registrant Organization: Privacy service
Registrant Country: PA
Name Server: NS1.EXAMPLE-DNS.TEST
Name Server: NS2.EXAMPLE-DNS.TEST.
>>> Last update of WHOIS database: 2017-04-13T00:00:00Z <<<
`;
