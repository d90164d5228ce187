export { AsnTable, ipv4ToInt, intToIpv4, type AsnRecord } from './table.js';
export { parseAsnCsv, loadAsnFile, splitCsvLine, SHIPPED_ASN_CSV, type AsnLoadResult, type AsnLoadProblem } from './load.js';
