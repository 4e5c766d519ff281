// Certificates as an admin makes one for an app registration: openssl, a key and a
// self-signed certificate (the certificate is what Entra ID is given, the PEM with both
// is what the console is given). .ci/run installs openssl where it is missing.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SelfSignedCertificate {
  /** The certificate alone, as uploaded to the app registration. */
  certificatePem: string;
  /** The unencrypted PKCS#8 private key. */
  privateKeyPem: string;
  /** The key then the certificate, as one PEM file holds both. */
  pem: string;
  /** SHA-256 of the certificate's DER, upper-case hex, as the Entra admin center shows it. */
  thumbprintSha256: string;
}

export type KeyKind = 'rsa2048' | 'rsa1024' | 'ecP256';

const KEY_ARGS: Record<KeyKind, string[]> = {
  rsa2048: ['-newkey', 'rsa:2048'],
  rsa1024: ['-newkey', 'rsa:1024'],
  ecP256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
};

export function selfSignedCertificate(options: { key?: KeyKind; days?: number; subject?: string } = {}): SelfSignedCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtd-cert-'));
  try {
    const keyFile = path.join(dir, 'app.key');
    const certFile = path.join(dir, 'app.crt');
    execFileSync(
      'openssl',
      ['req', '-x509', ...KEY_ARGS[options.key ?? 'rsa2048'], '-nodes', '-days', String(options.days ?? 30), '-subj', options.subject ?? '/CN=MTD Console polling', '-keyout', keyFile, '-out', certFile],
      { stdio: 'pipe' },
    );
    const certificatePem = fs.readFileSync(certFile, 'utf8');
    const privateKeyPem = fs.readFileSync(keyFile, 'utf8');
    const thumbprintSha256 = new crypto.X509Certificate(certificatePem).fingerprint256.replaceAll(':', '');
    return { certificatePem, privateKeyPem, pem: privateKeyPem + certificatePem, thumbprintSha256 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same key as PKCS#8 encrypted with a passphrase, as some exports hand it out. */
export function encryptedKeyPem(privateKeyPem: string, passphrase = 'a passphrase'): string {
  return crypto.createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}
