export {
  BOOTSTRAP_KINDS,
  loadBootstrap,
  parseBootstrap,
  serverForDomain,
  serverForIp,
  serverForAsn,
  SHIPPED_BOOTSTRAP_DIR,
  type Bootstrap,
  type BootstrapKind,
  type BootstrapResult,
} from './bootstrap.js';
export { refreshBootstrap, IANA_BOOTSTRAP_BASE } from './refresh.js';
export { parseJCard, type Contact } from './jcard.js';
export { parseRdapDomain, parseEntity, isoDate, type RdapDomain, type RdapParse } from './parse.js';
export { lookupRdapDomain, type RdapDeps, type RdapLookup, type RdapErrorKind } from './client.js';
export { registrationFacts } from './facts.js';
export { lookupWhoisDomain, parseWhois, whoisQuery, type WhoisDeps, type WhoisLookup } from './whois.js';
export { registrationOf, type RegistrationDeps } from './registration.js';
export { bootstrapDirFor, refreshedBootstrapDir } from './bootstrap-dir.js';
