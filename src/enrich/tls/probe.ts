import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { addressFor } from '../address-for.js';
import type { Polite } from '../policy/index.js';
import { trustContext } from '../trust.js';
import type { NetDeps } from '../types.js';

/** One certificate as shown by the server. Every string is attacker-chosen data. */
export interface CertSummary {
  /** One line, `CN=…, O=…`. */
  readonly subject: string;
  readonly issuer: string;
  /** ISO 8601. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** DNS names and IP addresses of the subjectAltName extension. */
  readonly sans: readonly string[];
  /** SHA-256 of the DER, lower-case hex without colons (as CT and crt.sh show it). */
  readonly sha256: string;
  /** Hex, upper case, as node gives it. */
  readonly serial: string;
  readonly selfSigned: boolean;
}

export type TlsProbe =
  | {
      readonly ok: true;
      readonly host: string;
      readonly address: string;
      readonly protocol: string;
      /** Whether the chain validated against the trust store (and `ca`); never a reason to stop. */
      readonly authorized: boolean;
      /** Node's validation error code, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT. */
      readonly validationError?: string;
      /** Leaf first. */
      readonly chain: readonly CertSummary[];
    }
  | { readonly ok: false; readonly host: string; readonly kind: 'refused' | 'no-address' | 'timeout' | 'network' | 'no-certificate'; readonly message: string };

export interface TlsDeps extends NetDeps {
  readonly port?: number;
  readonly timeoutMs?: number;
  /** Extra trusted CA (tests); the probe never refuses a certificate either way. */
  readonly ca?: string | Buffer;
  readonly polite?: Polite<TlsProbe>;
}

const oneLine = (dn: string): string => dn.split('\n').filter(Boolean).join(', ');

export function summarise(der: Buffer): CertSummary {
  const x = new X509Certificate(der);
  const sans = (x.subjectAltName ?? '')
    .split(/,\s*/)
    .map((s) => s.replace(/^(DNS|IP Address):/, ''))
    .filter((s) => s !== '');
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    sans,
    sha256: x.fingerprint256.replace(/:/g, '').toLowerCase(),
    serial: x.serialNumber,
    selfSigned: x.subject === x.issuer && x.checkIssued(x) && x.verify(x.publicKey),
  };
}

/** The chain the server sent, leaf first, each certificate once. */
function chainOf(socket: tls.TLSSocket): CertSummary[] {
  const out: CertSummary[] = [];
  const seen = new Set<string>();
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert !== undefined && cert.raw !== undefined && out.length < 10) {
    const s = summarise(cert.raw);
    if (seen.has(s.sha256)) break;
    seen.add(s.sha256);
    out.push(s);
    cert = cert.issuerCertificate;
  }
  return out;
}

async function attempt(host: string, deps: TlsDeps): Promise<TlsProbe> {
  const choice = await addressFor(host, deps);
  if (!choice.ok) return { ok: false, host, kind: choice.kind, message: `tls ${host}: ${choice.message}` };
  const address = choice.address;
  return new Promise<TlsProbe>((resolve) => {
    const socket = tls.connect({
      host: address,
      port: deps.port ?? 443,
      servername: isIP(host) === 0 ? host : undefined,
      rejectUnauthorized: false,
      secureContext: trustContext(deps.ca),
      timeout: deps.timeoutMs ?? 8000,
    });
    const fail = (kind: 'timeout' | 'network' | 'no-certificate', message: string): void => {
      socket.destroy();
      resolve({ ok: false, host, kind, message });
    };
    socket.on('secureConnect', () => {
      const chain = chainOf(socket);
      const error = socket.authorizationError;
      socket.end();
      if (chain.length === 0) return fail('no-certificate', `tls ${host}: the server showed no certificate`);
      resolve({
        ok: true,
        host,
        address,
        protocol: socket.getProtocol() ?? '',
        authorized: socket.authorized,
        validationError: error === null || error === undefined ? undefined : String((error as { code?: string }).code ?? error),
        chain,
      });
    });
    socket.on('timeout', () => fail('timeout', `tls ${host}: timed out`));
    socket.on('error', (err) => fail('network', `tls ${host}: ${(err as { code?: string }).code ?? err.message}`));
  });
}

/** Connects with SNI, reads the certificate chain and records (never enforces) validation. */
export async function probeTls(host: string, deps: TlsDeps): Promise<TlsProbe> {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (deps.polite === undefined) return attempt(name, deps);
  const retryable = (r: TlsProbe): boolean => !r.ok && (r.kind === 'timeout' || r.kind === 'network');
  return deps.polite.run(`${name}:${deps.port ?? 443}`, name, () => attempt(name, deps), retryable);
}
