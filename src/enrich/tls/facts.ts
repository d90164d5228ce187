import { factMaker, type Fact } from '../types.js';
import type { TlsProbe } from './probe.js';

/** `tls_fingerprint`, `tls_issuer`, `tls_not_before`, `tls_san` (one each), `tls_validation`… about the host. */
export function tlsFacts(probe: TlsProbe, observed: string): Fact[] {
  const add = factMaker(probe.host, 'tls', observed);
  if (!probe.ok) return [add('tls_error', `${probe.kind}: ${probe.message}`)];
  const [leaf, ...rest] = probe.chain;
  if (leaf === undefined) return [];
  const facts = [
    add('tls_address', probe.address),
    add('tls_fingerprint', leaf.sha256),
    add('tls_serial', leaf.serial),
    add('tls_subject', leaf.subject),
    add('tls_issuer', leaf.issuer),
    add('tls_not_before', leaf.notBefore),
    add('tls_not_after', leaf.notAfter),
    add('tls_validation', probe.authorized ? 'ok' : (probe.validationError ?? 'unverified')),
    ...leaf.sans.map((s) => add('tls_san', s)),
    ...rest.map((c) => add('tls_chain', `${c.subject} (${c.sha256})`)),
  ];
  if (leaf.selfSigned) facts.push(add('tls_self_signed', true));
  return facts;
}
