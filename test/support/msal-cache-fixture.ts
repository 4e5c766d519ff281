import type { JsonCache } from '@azure/msal-node';

export const FIXTURE_CLIENT_ID = '0a1b2c3d-0000-4000-8000-00000000c11e';
export const FIXTURE_TENANT_ID = '11111111-2222-4333-8444-555555555555';
export const FIXTURE_OID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const FIXTURE_USERNAME = 'admin@contoso.example';
/** A refresh token value that must never be readable in a file on disk. */
export const FIXTURE_REFRESH_TOKEN = 'rt-0.AXEA-plain-text-would-leak-this';

/**
 * An msal token cache (msal's own JSON schema) holding one signed-in admin:
 * account, ID token (unsigned: msal only reads its claims from the cache) and refresh token.
 */
export function msalCacheWithOneAccount(): JsonCache {
  const home = `${FIXTURE_OID}.${FIXTURE_TENANT_ID}`;
  const environment = 'login.microsoftonline.com';
  const claims = {
    oid: FIXTURE_OID,
    tid: FIXTURE_TENANT_ID,
    preferred_username: FIXTURE_USERNAME,
    name: 'Contoso Admin',
    aud: FIXTURE_CLIENT_ID,
    iss: `https://login.microsoftonline.com/${FIXTURE_TENANT_ID}/v2.0`,
  };
  const idToken = [{ alg: 'none', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.';
  return {
    Account: {
      [`${home}-${environment}-${FIXTURE_TENANT_ID}`]: {
        home_account_id: home,
        environment,
        realm: FIXTURE_TENANT_ID,
        local_account_id: FIXTURE_OID,
        username: FIXTURE_USERNAME,
        authority_type: 'MSSTS',
        name: claims.name,
      },
    },
    IdToken: {
      [`${home}-${environment}-idtoken-${FIXTURE_CLIENT_ID}-${FIXTURE_TENANT_ID}-`]: {
        home_account_id: home,
        environment,
        credential_type: 'IdToken',
        client_id: FIXTURE_CLIENT_ID,
        realm: FIXTURE_TENANT_ID,
        secret: idToken,
      },
    },
    AccessToken: {},
    RefreshToken: {
      [`${home}-${environment}-refreshtoken-${FIXTURE_CLIENT_ID}--`]: {
        home_account_id: home,
        environment,
        credential_type: 'RefreshToken',
        client_id: FIXTURE_CLIENT_ID,
        secret: FIXTURE_REFRESH_TOKEN,
      },
    },
    AppMetadata: {},
  };
}
