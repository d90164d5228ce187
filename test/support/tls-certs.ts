import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM key and certificate (leaf first, then any intermediates). */
export interface KeyCert {
  readonly key: string;
  readonly cert: string;
}

export interface TestCerts {
  /** The test CA's certificate, to pass as `ca` where validation should succeed. */
  readonly ca: string;
  /** lure.test and www.lure.test, signed by the CA, valid now. */
  readonly valid: KeyCert;
  /** expired.test, signed by the CA, valid only in January 2020. */
  readonly expired: KeyCert;
  /** self.test, signed by its own key. */
  readonly selfSigned: KeyCert;
  cleanup(): Promise<void>;
}

const CA_CONFIG = `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[ any ]
commonName = supplied
`;

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** Makes a CA, a valid leaf, an expired leaf and a self-signed certificate with the openssl CLI. */
export async function makeTestCerts(): Promise<TestCerts> {
  const dir = await mkdtemp(join(tmpdir(), 'squatwatch-tls-'));
  const ssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  await writeFile(join(dir, 'ca.cnf'), CA_CONFIG);
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await ssl('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/O=squatwatch tests/CN=squatwatch test CA', '-days', '30',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = async (name: string, sans: string, dates: string[]): Promise<KeyCert> => {
    await ssl('req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`, '-addext', `subjectAltName=${sans}`);
    await ssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', ...dates);
    return { key: await readFile(join(dir, `${name}.key`), 'utf8'), cert: await readFile(join(dir, `${name}.pem`), 'utf8') };
  };
  const valid = await leaf('lure.test', 'DNS:lure.test,DNS:www.lure.test', ['-days', '30']);
  const expired = await leaf('expired.test', 'DNS:expired.test', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']);
  await ssl('req', '-x509', ...EC, '-keyout', 'self.key', '-out', 'self.pem', '-subj', '/CN=self.test', '-days', '30', '-addext', 'subjectAltName=DNS:self.test');
  const selfSigned = { key: await readFile(join(dir, 'self.key'), 'utf8'), cert: await readFile(join(dir, 'self.pem'), 'utf8') };
  const ca = await readFile(join(dir, 'ca.pem'), 'utf8');
  return {
    ca,
    // servers send the chain: leaf then CA
    valid: { key: valid.key, cert: valid.cert + ca },
    expired: { key: expired.key, cert: expired.cert + ca },
    selfSigned,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
