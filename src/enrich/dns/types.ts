/** The record types the DNS adapter asks for. */
export type DnsRecordType = 'A' | 'AAAA' | 'NS' | 'MX' | 'SOA' | 'TXT' | 'CNAME';

export const DNS_RECORD_TYPES: readonly DnsRecordType[] = ['A', 'AAAA', 'NS', 'MX', 'SOA', 'TXT', 'CNAME'];

export interface MxRecord {
  readonly exchange: string;
  readonly priority: number;
}

export interface SoaRecord {
  /** The primary name server. */
  readonly mname: string;
  /** The contact mailbox in DNS form (`hostmaster.example.com`). */
  readonly rname: string;
  /** The contact as an address (`hostmaster@example.com`): a pivot between domains. */
  readonly mailbox: string;
  readonly serial: number;
  readonly refresh: number;
  readonly retry: number;
  readonly expire: number;
  readonly minimum: number;
}

/** What one record of each type is. TXT strings are joined from their chunks. */
export interface RecordOf {
  A: string;
  AAAA: string;
  NS: string;
  MX: MxRecord;
  SOA: SoaRecord;
  TXT: string;
  CNAME: string;
}

/**
 * Why a query gave no answer. `nxdomain`: the name does not exist; `servfail`: the server failed;
 * `timeout`: no answer in time, retries included; `refused`; `unreachable`: no server could be
 * reached; `bad-name`: not a name we would send; `bad-response`: an answer we could not read.
 */
export type DnsError = 'nxdomain' | 'servfail' | 'timeout' | 'refused' | 'unreachable' | 'bad-name' | 'bad-response' | 'other';

/**
 * One query's outcome. A name that exists without records of the type (NODATA) is `ok` with no
 * records. `truncated` says the answer held more records than the cap and was cut.
 */
export type DnsResult<T> =
  | { readonly ok: true; readonly records: readonly T[]; readonly truncated: boolean }
  | { readonly ok: false; readonly error: DnsError; readonly message: string };

/** The outcome for each type asked. */
export type DnsRecords<T extends DnsRecordType> = { readonly [K in T]: DnsResult<RecordOf[K]> };

export interface DnsClientOptions {
  /** Servers as `HOST`, `HOST:PORT` or `[IPv6]:PORT`; the system's when empty or absent. */
  readonly servers?: readonly string[];
  /** Per attempt, in milliseconds (default 2,000). */
  readonly timeoutMs?: number;
  /** Extra attempts after a timeout (default 1). */
  readonly retries?: number;
  /** Queries in flight at once (default 32). */
  readonly concurrency?: number;
  /** Records kept per answer; the rest are dropped and the result marked truncated (default 32). */
  readonly maxAnswers?: number;
  /** Results kept (default 10,000); timeouts and transport failures are never cached. */
  readonly cacheSize?: number;
  /** How long a result stays cached (default 5 minutes). */
  readonly cacheTtlMs?: number;
  /** The clock for the cache (tests). */
  readonly now?: () => number;
}
