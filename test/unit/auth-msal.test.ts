import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfidentialClientApplication, CryptoProvider, PublicClientApplication, TokenCacheContext } from '@azure/msal-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MsalConfidentialProvider } from '../../electron/auth/msal-confidential-provider';
import { MsalInteractiveProvider, SignInRequiredError, type MsalInteractiveProviderOptions } from '../../electron/auth/msal-interactive-provider';
import { EncryptedTokenCachePlugin } from '../../electron/auth/token-cache-plugin';
import { createMemoryLogger } from '../../electron/http/logger';
import { createAesGcmCipher } from '../support/aes-gcm-cipher';
import { FIXTURE_CLIENT_ID, FIXTURE_OID, FIXTURE_TENANT_ID, FIXTURE_USERNAME, msalCacheWithOneAccount } from '../support/msal-cache-fixture';
import { outgoingRequestsDuring } from '../support/outgoing-requests';
import { makeTempDir } from '../support/temp-dir';

describe('outgoingRequestsDuring', () => {
  it('sees requests made with node:http and with fetch', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const requests = await outgoingRequestsDuring(async () => {
        await (await fetch(url)).text();
        await new Promise<void>((resolve) => http.get(url, (res) => res.resume().on('end', resolve)));
      });
      expect(requests).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('pinned @azure/msal-node', () => {
  it('still has the client classes and flows the providers use', () => {
    for (const method of ['getAuthCodeUrl', 'acquireTokenByCode', 'acquireTokenSilent', 'getAllAccounts', 'signOut', 'getTokenCache']) {
      expect(typeof Reflect.get(PublicClientApplication.prototype, method), `PublicClientApplication#${method}`).toBe('function');
    }
    expect(typeof Reflect.get(CryptoProvider.prototype, 'generatePkceCodes'), 'CryptoProvider#generatePkceCodes').toBe('function');
    for (const method of ['acquireTokenByClientCredential', 'acquireTokenSilent', 'getTokenCache']) {
      expect(typeof Reflect.get(ConfidentialClientApplication.prototype, method), `ConfidentialClientApplication#${method}`).toBe('function');
    }
  });

  it('constructs both clients, and both providers, without any network request', async () => {
    const authority = `https://login.microsoftonline.com/${FIXTURE_TENANT_ID}`;
    const requests = await outgoingRequestsDuring(() => {
      new PublicClientApplication({ auth: { clientId: FIXTURE_CLIENT_ID, authority } });
      new ConfidentialClientApplication({ auth: { clientId: FIXTURE_CLIENT_ID, authority, clientSecret: 'not-a-real-secret' } });
      new MsalConfidentialProvider({ tenantId: FIXTURE_TENANT_ID, clientId: FIXTURE_CLIENT_ID, credential: { clientSecret: 'not-a-real-secret' } });
      new MsalInteractiveProvider({ clientId: FIXTURE_CLIENT_ID, openBrowser: () => Promise.resolve() });
    });
    expect(requests).toBe(0);
  });
});

describe('MsalConfidentialProvider', () => {
  it('takes a tenant id or domain only, never text that would change the authority URL', () => {
    const make = (tenantId: string) => () => new MsalConfidentialProvider({ tenantId, clientId: FIXTURE_CLIENT_ID, credential: { clientSecret: 'x' } });
    expect(make('contoso.onmicrosoft.com')).not.toThrow();
    expect(make(FIXTURE_TENANT_ID.toUpperCase())).not.toThrow();
    for (const bad of ['', 'contoso', 'evil.example/oauth2?x=', '../common', 'a b.com']) expect(make(bad), bad).toThrow(/tenant/);
  });
});

describe('MsalInteractiveProvider', () => {
  let temp: { dir: string; cleanup: () => void };
  let filePath: string;
  const cipher = createAesGcmCipher();
  const browserUrls: string[] = [];

  beforeEach(async () => {
    temp = makeTempDir('mtd-msal-');
    filePath = path.join(temp.dir, 'msal-token-cache.bin');
    browserUrls.length = 0;
    const seed = new PublicClientApplication({ auth: { clientId: FIXTURE_CLIENT_ID } });
    seed.getTokenCache().deserialize(JSON.stringify(msalCacheWithOneAccount()));
    await plugin().afterCacheAccess(new TokenCacheContext(seed.getTokenCache(), true));
  });

  afterEach(() => temp.cleanup());

  function plugin(): EncryptedTokenCachePlugin {
    return new EncryptedTokenCachePlugin({ filePath, cipher, logger: createMemoryLogger() });
  }

  function provider(options: Partial<MsalInteractiveProviderOptions> = {}): MsalInteractiveProvider {
    return new MsalInteractiveProvider({
      clientId: FIXTURE_CLIENT_ID,
      tenantId: FIXTURE_TENANT_ID,
      cachePlugin: plugin(),
      openBrowser: (url) => {
        browserUrls.push(url);
        return Promise.resolve();
      },
      ...options,
    });
  }

  it('restores the account signed in on an earlier run from the encrypted cache, without UI or network', async () => {
    const tokens = provider();
    expect(tokens.signedInAccount()).toBeNull();
    const requests = await outgoingRequestsDuring(async () => {
      expect(await tokens.restore()).toEqual({ username: FIXTURE_USERNAME, oid: FIXTURE_OID, tid: FIXTURE_TENANT_ID, name: 'Contoso Admin' });
    });
    expect(requests).toBe(0);
    expect(tokens.signedInAccount()?.username).toBe(FIXTURE_USERNAME);
    expect(browserUrls).toEqual([]);
  });

  it('ignores cached accounts of another tenant', async () => {
    expect(await provider({ tenantId: '99999999-2222-4333-8444-555555555555' }).restore()).toBeNull();
  });

  it('signOut() removes the account and its tokens from the cache file', async () => {
    const tokens = provider();
    await tokens.restore();
    await tokens.signOut();
    expect(tokens.signedInAccount()).toBeNull();
    const stored = JSON.parse(cipher.decrypt(fs.readFileSync(filePath))) as Record<string, object>;
    expect(stored.Account).toEqual({});
    expect(stored.RefreshToken).toEqual({});
    expect(stored.IdToken).toEqual({});
    expect(await provider().restore()).toBeNull();
  });

  it('with signInWhenNeeded false, getToken() without an account asks for sign-in instead of opening a browser', async () => {
    const tokens = provider();
    await tokens.signOut();
    await expect(provider({ signInWhenNeeded: false }).getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(browserUrls).toEqual([]);
  });
});
