// What the connection form sends for what the admin typed: a secret or a certificate only
// with its own polling identity, and an empty one kept when editing but named when adding.
import { describe, expect, it } from 'vitest';
import { connectionSaveSchema, profileAddSchema } from '../../shared/ipc/profile-channels';
import { connectionDraftOf, connectionRequestOf, CONNECTION_FIELDS, onScreen, type ConnectionDraft } from '../../renderer/connection/connection-draft';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n';

const typed: ConnectionDraft = {
  ...connectionDraftOf(null),
  tenant: ' 72f988bf-86f1-41af-91ab-2d7cd011db47 ',
  clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  lookoutAppKey: 'lookout-key',
  clientSecret: 'a secret',
  clientCertificate: PEM,
};

describe('connection draft', () => {
  it('starts with no certificate, whatever is saved', () => {
    expect(connectionDraftOf(null).clientCertificate).toBe('');
    const saved = connectionDraftOf({
      tenant: 'contoso.onmicrosoft.com',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      cloud: 'public',
      pollingIdentity: 'appCertificate',
      lookoutBaseUrl: 'https://api.lookout.com',
      lookoutKeySetAt: null,
    });
    expect(saved).toMatchObject({ pollingIdentity: 'appCertificate', clientCertificate: '', clientSecret: '' });
  });

  it('sends the certificate only with the app with a certificate, as typed, and the secret only with the app with a secret', () => {
    const withCertificate = connectionRequestOf({ ...typed, pollingIdentity: 'appCertificate' }, { keepEmptySecrets: true });
    expect(withCertificate.clientCertificate).toBe(PEM);
    expect(withCertificate).not.toHaveProperty('clientSecret');
    expect(withCertificate.tenant).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');

    const withSecret = connectionRequestOf({ ...typed, pollingIdentity: 'appSecret' }, { keepEmptySecrets: false });
    expect(withSecret.clientSecret).toBe('a secret');
    expect(withSecret).not.toHaveProperty('clientCertificate');

    for (const keepEmptySecrets of [true, false]) {
      const delegated = connectionRequestOf({ ...typed, pollingIdentity: 'delegated' }, { keepEmptySecrets });
      expect(delegated).not.toHaveProperty('clientCertificate');
      expect(delegated).not.toHaveProperty('clientSecret');
    }
  });

  it('keeps the stored certificate when editing with the field empty, and names the rule when adding with it empty', () => {
    const empty = { ...typed, pollingIdentity: 'appCertificate' as const, clientCertificate: '' };
    const editing = connectionRequestOf(empty, { keepEmptySecrets: true });
    expect(editing).not.toHaveProperty('clientCertificate');
    expect(connectionSaveSchema.safeParse(editing).success).toBe(true);

    const adding = connectionRequestOf(empty, { keepEmptySecrets: false });
    expect(adding.clientCertificate).toBe('');
    const refused = profileAddSchema.safeParse({ ...adding, name: 'Fabrikam', fullAccessGroupId: '11111111-2222-4333-8444-555555555555' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toContainEqual(expect.objectContaining({ path: ['clientCertificate'], message: 'Client certificate cannot be empty.' }));
  });

  it('is accepted by the contract with a certificate and a key', () => {
    const adding = connectionRequestOf({ ...typed, pollingIdentity: 'appCertificate' }, { keepEmptySecrets: false });
    expect(profileAddSchema.safeParse({ ...adding, name: 'Fabrikam', fullAccessGroupId: '11111111-2222-4333-8444-555555555555' }).success).toBe(true);
  });

  it('lists the certificate among the fields, on screen only with its own polling identity', () => {
    expect(CONNECTION_FIELDS).toContain('clientCertificate');
    expect(onScreen('clientCertificate', 'appCertificate')).toBe(true);
    expect(onScreen('clientCertificate', 'appSecret')).toBe(false);
    expect(onScreen('clientCertificate', 'delegated')).toBe(false);
    expect(onScreen('clientSecret', 'appCertificate')).toBe(false);
    expect(onScreen('tenant', 'appCertificate')).toBe(true);
  });
});
