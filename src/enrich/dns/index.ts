export { createDnsClient, type DnsClient } from './client.js';
export { detectWildcard, randomProbeLabel, type WildcardResult } from './wildcard.js';
export { cnameChain } from './cname-chain.js';
export { scanVariants, SCAN_TYPES, type ScanHit, type ScanHooks, type ScanProgress, type ScanRecords } from './scan.js';
export { parseServer } from './servers.js';
export { soaMailbox } from './soa.js';
export { queryName } from './query-name.js';
export {
  DNS_RECORD_TYPES,
  type DnsClientOptions, type DnsError, type DnsRecordType, type DnsRecords, type DnsResult,
  type MxRecord, type RecordOf, type SoaRecord,
} from './types.js';
