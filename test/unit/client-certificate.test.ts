// The app registration's certificate as the admin gives it: the contract's rules on the
// PEM text, then main's reading of it (the key is the certificate's, RSA 2048 or more,
// the certificate valid now), each refusal naming the field and the rule.
import { describe, expect, it } from 'vitest';
import { CLIENT_CERTIFICATE_MAX, clientCertificateSchema } from '../../shared/config/connection-settings';
import { AppError } from '../../shared/ipc';
import { profileAddSchema } from '../../shared/ipc/profile-channels';
import { certificateFacts, readClientCertificate } from '../../electron/core/profiles/client-certificate';
import { encryptedKeyPem, selfSignedCertificate } from '../support/self-signed-certificate';

const rsa = selfSignedCertificate({ subject: '/CN=MTD Console polling/O=Contoso' });
const other = selfSignedCertificate();
const NOW = new Date();
const DAY = 86_400_000;

function refusedRule(work: () => unknown): { field: string | undefined; rule: string | undefined; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return { field: error.field, rule: error.rule, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

const schemaMessage = (input: unknown): string => {
  const parsed = clientCertificateSchema.safeParse(input);
  if (parsed.success) throw new Error('accepted');
  return parsed.error.issues[0]!.message;
};

describe('the client certificate as the contract takes it', () => {
  it('takes one PEM text with the certificate and its key, in either order, up to 32768 characters', () => {
    expect(clientCertificateSchema.parse(rsa.pem)).toBe(rsa.pem);
    expect(clientCertificateSchema.parse(rsa.certificatePem + rsa.privateKeyPem)).toBe(rsa.certificatePem + rsa.privateKeyPem);
    const padded = rsa.pem + '\n'.repeat(CLIENT_CERTIFICATE_MAX - rsa.pem.length);
    expect(clientCertificateSchema.safeParse(padded).success).toBe(true);
    expect(schemaMessage(`${padded}\n`)).toMatch(/at most 32768 characters/);
  });

  it('asks for the key when only the certificate is given, and for the certificate when only the key is', () => {
    expect(schemaMessage(rsa.certificatePem)).toMatch(/private key too/);
    expect(schemaMessage(rsa.privateKeyPem)).toMatch(/must hold a certificate/);
    expect(schemaMessage('')).toMatch(/cannot be empty/);
  });

  it('refuses a key protected by a passphrase, saying how to export it', () => {
    expect(schemaMessage(encryptedKeyPem(rsa.privateKeyPem) + rsa.certificatePem)).toMatch(/passphrase; export it without one/);
  });

  it('refuses the wrong type, malformed Unicode and injection text', () => {
    expect(schemaMessage(42)).toMatch(/is text/);
    expect(schemaMessage(`${rsa.pem}\ud800`)).toMatch(/not valid text/);
    expect(schemaMessage("'; DROP TABLE secrets; -- <script>alert(1)</script>")).toMatch(/must hold a certificate/);
  });

  it('is required when a profile is added with the app identity and a certificate', () => {
    const base = {
      name: 'Fabrikam',
      tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      cloud: 'public',
      pollingIdentity: 'appCertificate',
      lookoutBaseUrl: 'https://api.lookout.com',
      lookoutAppKey: 'lookout-key',
      fullAccessGroupId: '11111111-2222-4333-8444-555555555555',
    };
    const missing = profileAddSchema.safeParse(base);
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]).toMatchObject({ path: ['clientCertificate'], message: expect.stringMatching(/required when the polling identity is the app with a certificate/) as unknown });
    expect(profileAddSchema.safeParse({ ...base, clientCertificate: rsa.pem }).success).toBe(true);
  });
});

describe('the client certificate as main reads it', () => {
  it('gives the SHA-256 thumbprint the Entra admin center shows, the subject and the expiry', () => {
    const read = readClientCertificate(rsa.pem, NOW);
    expect(read.thumbprintSha256).toBe(rsa.thumbprintSha256);
    expect(read.thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(read.subject).toBe('CN=MTD Console polling, O=Contoso');
    expect(read.notAfter.getTime() - NOW.getTime()).toBeGreaterThan(29 * DAY);
    expect(read.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(read.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('refuses a key that is not the certificate\'s', () => {
    expect(refusedRule(() => readClientCertificate(other.privateKeyPem + rsa.certificatePem, NOW))).toMatchObject({ field: 'clientCertificate', rule: "the certificate's own key", message: expect.stringMatching(/not the certificate's/) as unknown });
  });

  it('refuses an expired certificate and one not valid yet, at the boundary', () => {
    const { notAfter, notBefore } = readClientCertificate(rsa.pem, NOW);
    expect(() => readClientCertificate(rsa.pem, new Date(notAfter.getTime() - 1000))).not.toThrow();
    expect(refusedRule(() => readClientCertificate(rsa.pem, notAfter))).toMatchObject({ field: 'clientCertificate', rule: 'not expired', message: expect.stringMatching(/expired on/) as unknown });
    expect(refusedRule(() => readClientCertificate(rsa.pem, new Date(notBefore.getTime() - 1000)))).toMatchObject({ rule: 'valid now' });
  });

  it('refuses EC keys and RSA keys under 2048 bits, which Entra ID does not take', () => {
    const ec = selfSignedCertificate({ key: 'ecP256' });
    expect(refusedRule(() => readClientCertificate(ec.pem, NOW))).toMatchObject({ field: 'clientCertificate', rule: 'RSA', message: expect.stringMatching(/key is EC.*RSA/) as unknown });
    const small = selfSignedCertificate({ key: 'rsa1024' });
    expect(refusedRule(() => readClientCertificate(small.pem, NOW))).toMatchObject({ rule: 'RSA 2048 bits or more', message: expect.stringMatching(/1024 bits/) as unknown });
  });

  it('refuses blocks that only look like PEM', () => {
    const garbage = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    expect(refusedRule(() => readClientCertificate(garbage + rsa.privateKeyPem, NOW))).toMatchObject({ field: 'clientCertificate', rule: 'readable', message: expect.stringMatching(/certificate cannot be read/) as unknown });
    const badKey = '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n';
    expect(refusedRule(() => readClientCertificate(rsa.certificatePem + badKey, NOW))).toMatchObject({ rule: 'readable', message: expect.stringMatching(/private key cannot be read/) as unknown });
    expect(refusedRule(() => readClientCertificate(rsa.certificatePem, NOW))).toMatchObject({ rule: 'a private key' });
  });

  it('says a stored certificate is expiring within 30 days, and gives no facts for text that is not one', () => {
    const { notAfter } = readClientCertificate(rsa.pem, NOW);
    expect(certificateFacts(rsa.pem, new Date(notAfter.getTime() - 31 * DAY))).toMatchObject({ thumbprintSha256: rsa.thumbprintSha256, expiringSoon: false });
    expect(certificateFacts(rsa.pem, new Date(notAfter.getTime() - 30 * DAY))).toMatchObject({ expiringSoon: true });
    expect(certificateFacts(undefined, NOW)).toBeNull();
    expect(certificateFacts('not a pem', NOW)).toBeNull();
  });
});
