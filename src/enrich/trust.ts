import tls from 'node:tls';

const contexts = new Map<string, tls.SecureContext>();

/**
 * A TLS context trusting the system roots plus `ca` (tests' own CA), built once per CA: building
 * one parses ~140 root certificates, ~25 ms of CPU, which capped enrichment at ~40 domains/s.
 */
export function trustContext(ca: string | Buffer | undefined): tls.SecureContext | undefined {
  if (ca === undefined) return undefined;
  const key = String(ca);
  let ctx = contexts.get(key);
  if (ctx === undefined) {
    ctx = tls.createSecureContext({ ca: [...tls.rootCertificates, key] });
    contexts.set(key, ctx);
  }
  return ctx;
}
