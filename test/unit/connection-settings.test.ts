// The rules of a real tenant profile's fields, at their boundaries and with bad input:
// each refusal names the field and the rule, in words.
import { describe, expect, it } from 'vitest';
import { clientIdSchema, lookoutBaseUrlSchema, tenantSchema } from '../../shared/config/connection-settings';
import { AppError, parseOrThrow } from '../../shared/ipc';
import { connectionSaveSchema, profileAddSchema, profileNameSchema, profileRenameSchema } from '../../shared/ipc/profile-channels';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const FULL_GROUP = '11111111-2222-4333-8444-555555555555';
const RESTRICTED_GROUP = '66666666-7777-4888-8999-aaaaaaaaaaaa';

const valid = {
  name: 'Fabrikam',
  tenant: TENANT,
  clientId: CLIENT,
  cloud: 'public',
  pollingIdentity: 'delegated',
  lookoutBaseUrl: 'https://api.lookout.com',
  lookoutAppKey: 'lookout-key',
  fullAccessGroupId: FULL_GROUP,
};

function refusal(schema: Parameters<typeof parseOrThrow>[0], input: unknown): { field: string; message: string } {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return { field: error.field ?? '', message: error.message };
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

const LONE_SURROGATE = 'Fabrikam \ud800';

describe('tenant', () => {
  it('takes a GUID or a verified domain, lower-cased', () => {
    expect(tenantSchema.parse(TENANT.toUpperCase())).toBe(TENANT);
    expect(tenantSchema.parse('Contoso.OnMicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(tenantSchema.parse(`${'a'.repeat(63)}.com`)).toBe(`${'a'.repeat(63)}.com`);
  });

  it.each([
    ['empty', ''],
    ['not a domain', 'contoso'],
    ['a label of 64 characters', `${'a'.repeat(64)}.com`],
    ['253 characters and more', `${'a.'.repeat(127)}com`],
    ['common', 'common'],
    ['organizations', 'Organizations'],
    ['a path injection', '../common/oauth2'],
    ['a query injection', 'contoso.com?x=1'],
    ['script', '<script>alert(1)</script>'],
    ['a GUID with a brace', `{${TENANT}}`],
  ])('refuses %s, naming the field', (_label, value) => {
    const { field, message } = refusal(profileAddSchema, { ...valid, tenant: value });
    expect(field).toBe('tenant');
    expect(message).toMatch(/^tenant: Tenant (must|has)/);
  });

  it('refuses a wrong type', () => {
    expect(refusal(profileAddSchema, { ...valid, tenant: 42 }).message).toMatch(/^tenant: Tenant is required/);
  });
});

describe('application (client) id', () => {
  it('takes a GUID of the admin’s own registration', () => {
    expect(clientIdSchema.parse(CLIENT.toUpperCase())).toBe(CLIENT);
  });

  it.each(['', 'not-a-guid', `${CLIENT}0`, "'; DROP TABLE apps; --"])('refuses %j', (value) => {
    expect(refusal(profileAddSchema, { ...valid, clientId: value })).toMatchObject({ field: 'clientId', message: expect.stringMatching(/must be a GUID/) as unknown });
  });

  it('refuses a borrowed Microsoft client id, which Microsoft can retire at any time', () => {
    expect(refusal(profileAddSchema, { ...valid, clientId: 'D1DDF0E4-D672-4DAE-B554-9D5BDFD93547' }).message).toMatch(/your own app registration/);
    expect(refusal(profileAddSchema, { ...valid, clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e' }).field).toBe('clientId');
  });
});

describe('Lookout Mobile Risk API URL', () => {
  it('takes https URLs and drops a trailing slash', () => {
    expect(lookoutBaseUrlSchema.parse('https://api.lookout.com/')).toBe('https://api.lookout.com');
    expect(lookoutBaseUrlSchema.parse('https://lookout.example:8443/mra')).toBe('https://lookout.example:8443/mra');
  });

  it.each([
    ['http', 'http://api.lookout.com'],
    ['not a URL', 'api.lookout.com'],
    ['credentials in it', 'https://user:pass@api.lookout.com'],
    ['a query', 'https://api.lookout.com/?key=1'],
    ['javascript', 'javascript:alert(1)'],
    ['oversize', `https://api.lookout.com/${'a'.repeat(2048)}`],
  ])('refuses %s', (_label, value) => {
    expect(refusal(profileAddSchema, { ...valid, lookoutBaseUrl: value })).toMatchObject({ field: 'lookoutBaseUrl' });
  });
});

describe('profile name', () => {
  it('takes 1 to 64 characters, Unicode included', () => {
    expect(profileNameSchema.parse('F')).toBe('F');
    expect(profileNameSchema.parse('한'.repeat(64))).toHaveLength(64);
    expect(profileNameSchema.parse('Fabrikam — Production 🇫🇷')).toBe('Fabrikam — Production 🇫🇷');
  });

  it.each([
    ['empty', ''],
    ['65 characters', 'a'.repeat(65)],
    ['leading spaces', ' Fabrikam'],
    ['a control character', 'Fab\u0000rikam'],
    ['a lone surrogate', LONE_SURROGATE],
  ])('refuses %s', (_label, value) => {
    expect(refusal(profileRenameSchema, { id: 'abc', name: value })).toMatchObject({ field: 'name', message: expect.stringMatching(/^name: Profile name/) as unknown });
  });
});

describe('adding a profile', () => {
  it('accepts a complete delegated profile and an app-only one with its secret', () => {
    expect(parseOrThrow(profileAddSchema, valid).tenant).toBe(TENANT);
    expect(parseOrThrow(profileAddSchema, { ...valid, pollingIdentity: 'appSecret', clientSecret: 's3cr3t~value', restrictedAccessGroupId: RESTRICTED_GROUP }).clientSecret).toBe('s3cr3t~value');
  });

  it('asks for the client secret when the app identity polls', () => {
    expect(refusal(profileAddSchema, { ...valid, pollingIdentity: 'appSecret' })).toMatchObject({ field: 'clientSecret', message: expect.stringMatching(/Client secret is required/) as unknown });
  });

  it('refuses the same group for full and restricted access, an unknown cloud or identity, and unknown fields', () => {
    expect(refusal(profileAddSchema, { ...valid, restrictedAccessGroupId: FULL_GROUP.toUpperCase() }).field).toBe('restrictedAccessGroupId');
    expect(refusal(profileAddSchema, { ...valid, cloud: 'germany' }).field).toBe('cloud');
    expect(refusal(profileAddSchema, { ...valid, pollingIdentity: 'appPassword' }).field).toBe('pollingIdentity');
    expect(refusal(profileAddSchema, { ...valid, extra: true }).field).toBe('request');
  });

  it('bounds the secrets and refuses text that is not well formed', () => {
    expect(parseOrThrow(profileAddSchema, { ...valid, lookoutAppKey: 'k'.repeat(4096) }).lookoutAppKey).toHaveLength(4096);
    expect(refusal(profileAddSchema, { ...valid, lookoutAppKey: 'k'.repeat(4097) }).field).toBe('lookoutAppKey');
    expect(refusal(profileAddSchema, { ...valid, lookoutAppKey: '' }).field).toBe('lookoutAppKey');
    expect(refusal(profileAddSchema, { ...valid, lookoutAppKey: ' key' }).field).toBe('lookoutAppKey');
    expect(refusal(profileAddSchema, { ...valid, lookoutAppKey: 'key\udc00' }).field).toBe('lookoutAppKey');
    expect(refusal(profileAddSchema, { ...valid, pollingIdentity: 'appSecret', clientSecret: 's'.repeat(1025) }).field).toBe('clientSecret');
  });

  it('a saved connection keeps secrets it is not given', () => {
    const parsed = parseOrThrow(connectionSaveSchema, { tenant: TENANT, clientId: CLIENT, cloud: 'usGovernment', pollingIdentity: 'appSecret', lookoutBaseUrl: 'https://api.lookout.com' });
    expect(parsed).not.toHaveProperty('clientSecret');
    expect(parsed).not.toHaveProperty('lookoutAppKey');
  });
});
