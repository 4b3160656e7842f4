/** A local CA and certificates for the Alexa signature tests, made with the openssl CLI in a temp folder. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCertificates {
  caPem: string;
  /** Leaf for echo-api.amazon.com followed by the CA: what Amazon's URL serves. */
  alexaChainPem: string;
  alexaKeyPem: string;
  /** Same CA, but issued to another name. */
  otherChainPem: string;
  otherKeyPem: string;
  /** A chain from a CA nobody trusts. */
  untrustedChainPem: string;
  untrustedKeyPem: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`]);
}

function makeLeaf(dir: string, ca: string, name: string, san: string): void {
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${san}`]);
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=DNS:${san}\n`);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`]);
}

export function createLocalCertificates(): LocalCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'alexa-certs-'));
  makeCa(dir, 'test-root');
  makeCa(dir, 'rogue-root');
  makeLeaf(dir, 'test-root', 'alexa', 'echo-api.amazon.com');
  makeLeaf(dir, 'test-root', 'other', 'example.org');
  makeLeaf(dir, 'rogue-root', 'rogue', 'echo-api.amazon.com');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    caPem: read('test-root.pem'),
    alexaChainPem: read('alexa.pem') + read('test-root.pem'),
    alexaKeyPem: read('alexa.key'),
    otherChainPem: read('other.pem') + read('test-root.pem'),
    otherKeyPem: read('other.key'),
    untrustedChainPem: read('rogue.pem') + read('rogue-root.pem'),
    untrustedKeyPem: read('rogue.key'),
  };
}
