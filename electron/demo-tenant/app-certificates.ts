// The app registration's uploaded certificates (Certificates & secrets > Certificates):
// what Entra ID keeps of each (public key, validity, thumbprints) and how a client
// assertion's x5t#S256 or x5t header finds one.
import crypto from 'node:crypto';

/** Entra ID takes RSA keys of at least this size for certificate credentials. */
export const MIN_RSA_BITS = 2048;

export interface AppCertificate {
  /** SHA-256 of the DER, upper-case hex, as the Entra admin center shows it. */
  thumbprintSha256: string;
  /** SHA-1 of the DER, upper-case hex: the legacy thumbprint. */
  thumbprintSha1: string;
  notBefore: Date;
  notAfter: Date;
  publicKey: crypto.KeyObject;
}

export interface AppCertificateSummary {
  thumbprintSha256: string;
  notAfter: string;
}

export interface AppCertificateListing extends AppCertificateSummary {
  thumbprintSha1: string;
  notBefore: string;
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]+?-----END CERTIFICATE-----/;

/** The base64url a JWT header carries for a thumbprint (no padding). */
function headerValue(thumbprintHex: string): string {
  return Buffer.from(thumbprintHex, 'hex').toString('base64url');
}

function read(certificatePem: string): AppCertificate {
  const block = CERTIFICATE_BLOCK.exec(certificatePem)?.[0];
  if (!block) throw new Error('The text holds no PEM CERTIFICATE block.');
  let certificate: crypto.X509Certificate;
  try {
    certificate = new crypto.X509Certificate(block);
  } catch {
    throw new Error('The CERTIFICATE block is not a readable X.509 certificate.');
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`The certificate's key is ${String(key.asymmetricKeyType).toUpperCase()}: Entra ID takes RSA keys only.`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new Error(`The certificate's RSA key has ${bits} bits: Entra ID takes ${MIN_RSA_BITS} bits or more.`);
  const der = certificate.raw;
  return {
    thumbprintSha256: crypto.createHash('sha256').update(der).digest('hex').toUpperCase(),
    thumbprintSha1: crypto.createHash('sha1').update(der).digest('hex').toUpperCase(),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    publicKey: key,
  };
}

export class AppCertificates {
  private readonly bySha256 = new Map<string, AppCertificate>();

  /** Registers the first certificate of a PEM text (a private key beside it is ignored); throws an Error saying why one is refused. */
  add(certificatePem: string): AppCertificateSummary {
    const certificate = read(certificatePem);
    this.bySha256.set(certificate.thumbprintSha256, certificate);
    return { thumbprintSha256: certificate.thumbprintSha256, notAfter: certificate.notAfter.toISOString() };
  }

  /** Whether a certificate with this SHA-256 thumbprint (hex, any case) was registered and is now gone. */
  remove(thumbprintSha256: string): boolean {
    return this.bySha256.delete(thumbprintSha256.toUpperCase());
  }

  list(): AppCertificateListing[] {
    return [...this.bySha256.values()].map((c) => ({ thumbprintSha256: c.thumbprintSha256, thumbprintSha1: c.thumbprintSha1, notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString() }));
  }

  /** The certificate a JWT header's x5t#S256 (base64url of the SHA-256 thumbprint) names. */
  byX5tS256(value: string): AppCertificate | undefined {
    return [...this.bySha256.values()].find((c) => headerValue(c.thumbprintSha256) === value.replace(/=+$/, ''));
  }

  /** The certificate a JWT header's legacy x5t (base64url of the SHA-1 thumbprint) names. */
  byX5t(value: string): AppCertificate | undefined {
    return [...this.bySha256.values()].find((c) => headerValue(c.thumbprintSha1) === value.replace(/=+$/, ''));
  }
}
