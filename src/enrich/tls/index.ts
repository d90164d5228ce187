export { probeTls, summarise, type TlsProbe, type TlsDeps, type CertSummary } from './probe.js';
export { tlsFacts } from './facts.js';
