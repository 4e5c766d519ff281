// The app registration's certificate, as the admin gives it to the console: one PEM
// text with the certificate and its private key. Read here once, before anything is
// stored, so that a key of another certificate or an expired one is refused by name.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/ipc';

/** Entra ID signs client assertions' keys with RSA; below 2048 bits it refuses them. */
const MIN_RSA_BITS = 2048;
export const CERTIFICATE_WARNING_DAYS = 30;

export interface ClientCertificate {
  /** SHA-256 of the certificate's DER, upper-case hex, as the Entra admin center shows it. */
  thumbprintSha256: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  /** PKCS#8 PEM, for msal's client assertion. */
  privateKeyPem: string;
  /** The certificate alone, sent as x5c so the thumbprint is matched against the chain too. */
  certificatePem: string;
}

const refused = (rule: string, message: string): AppError => AppError.validation([{ field: 'clientCertificate', rule, message: `clientCertificate: ${message}` }]);

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY_BLOCK = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/;

/** The certificate and key of a PEM text, checked against each other and the time; AppError (field clientCertificate) otherwise. */
export function readClientCertificate(pem: string, now: Date): ClientCertificate {
  const certificateText = CERTIFICATE_BLOCK.exec(pem)?.[0];
  const keyText = KEY_BLOCK.exec(pem)?.[0];
  if (!certificateText) throw refused('a certificate', 'The PEM holds no certificate (-----BEGIN CERTIFICATE-----).');
  if (!keyText) throw refused('a private key', 'The PEM holds no private key (-----BEGIN PRIVATE KEY-----); give the file with the key.');
  let certificate: crypto.X509Certificate;
  try {
    certificate = new crypto.X509Certificate(certificateText);
  } catch {
    throw refused('readable', 'The certificate cannot be read: it is not a valid X.509 certificate.');
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(keyText);
  } catch {
    throw refused('readable', 'The private key cannot be read: it is not a valid unencrypted private key.');
  }
  if (key.asymmetricKeyType !== 'rsa' || certificate.publicKey.asymmetricKeyType !== 'rsa') {
    throw refused('RSA', `The certificate's key is ${key.asymmetricKeyType?.toUpperCase() ?? 'of an unknown kind'}; Microsoft Entra ID takes RSA keys for app certificates.`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw refused('RSA 2048 bits or more', `The RSA key has ${bits} bits; Microsoft Entra ID takes ${MIN_RSA_BITS} bits or more.`);
  if (!certificate.checkPrivateKey(key)) throw refused('the certificate\'s own key', 'The private key is not the certificate\'s: give the key the certificate was made with.');
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() <= now.getTime()) throw refused('not expired', `The certificate expired on ${notAfter.toISOString()}; make a new one and upload it to the app registration.`);
  if (notBefore.getTime() > now.getTime()) throw refused('valid now', `The certificate is valid only from ${notBefore.toISOString()}.`);
  return {
    thumbprintSha256: certificate.fingerprint256.replaceAll(':', ''),
    subject: certificate.subject.replaceAll('\n', ', '),
    notBefore,
    notAfter,
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: certificate.toString(),
  };
}

/** A stored certificate's public facts, or null when it cannot be read any more (it was read when stored). */
export function certificateFacts(pem: string | undefined, now: Date): { thumbprintSha256: string; subject: string; notAfter: string; expiringSoon: boolean } | null {
  if (!pem) return null;
  const certificateText = CERTIFICATE_BLOCK.exec(pem)?.[0];
  if (!certificateText) return null;
  try {
    const certificate = new crypto.X509Certificate(certificateText);
    const notAfter = new Date(certificate.validTo);
    return {
      thumbprintSha256: certificate.fingerprint256.replaceAll(':', ''),
      subject: certificate.subject.replaceAll('\n', ', '),
      notAfter: notAfter.toISOString(),
      expiringSoon: notAfter.getTime() - now.getTime() <= CERTIFICATE_WARNING_DAYS * 86_400_000,
    };
  } catch {
    return null;
  }
}
