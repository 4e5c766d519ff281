// msal-node 7.2.1 against an identity platform that is not Microsoft's: the demo
// tenant served over plain http on 127.0.0.1. The authority msal is given is https
// (it insists), declared known, with every endpoint in authorityMetadata; this proves
// msal then talks to those http endpoints and to nothing else.
import { CryptoProvider, PublicClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_HOSTS, msalAuthOptions } from '../../electron/auth/msal-authority';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { answerOf, open, press } from '../support/identity-browser';
import { watchOutgoingOrigins } from '../support/outgoing-origins';

const REDIRECT = 'http://localhost:53682';

describe('msalAuthOptions', () => {
  it('names the three Microsoft clouds plainly, so msal uses its own metadata for them', () => {
    for (const { login } of Object.values(CLOUD_HOSTS)) {
      expect(msalAuthOptions(`https://${login}`, 'contoso.onmicrosoft.com')).toEqual({ authority: `https://${login}/contoso.onmicrosoft.com` });
    }
    expect(CLOUD_HOSTS).toEqual({
      public: { login: 'login.microsoftonline.com', graph: 'graph.microsoft.com' },
      usGovernment: { login: 'login.microsoftonline.us', graph: 'graph.microsoft.us' },
      china: { login: 'login.chinacloudapi.cn', graph: 'microsoftgraph.chinacloudapi.cn' },
    });
    expect(msalAuthOptions('https://login.microsoftonline.com/', '11111111-2222-4333-8444-555555555555').authority).toBe('https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555');
  });

  it('gives any other host a nominal https authority, declared known, with its own endpoints in full', () => {
    const options = msalAuthOptions('http://127.0.0.1:8123', 'Contoso.Example');
    expect(options.authority).toBe('https://127.0.0.1:8123/contoso.example');
    expect(options.knownAuthorities).toEqual(['127.0.0.1:8123']);
    expect(JSON.parse(options.authorityMetadata ?? '{}')).toMatchObject({
      authorization_endpoint: 'http://127.0.0.1:8123/contoso.example/oauth2/v2.0/authorize',
      token_endpoint: 'http://127.0.0.1:8123/contoso.example/oauth2/v2.0/token',
      jwks_uri: 'http://127.0.0.1:8123/contoso.example/discovery/v2.0/keys',
      issuer: 'http://127.0.0.1:8123/contoso.example/v2.0',
    });
    expect(msalAuthOptions('https://login.private.example', 'organizations').knownAuthorities).toEqual(['login.private.example']);
    // A Microsoft host on another port is not Microsoft's endpoint.
    expect(msalAuthOptions('https://login.microsoftonline.com:8443', 'organizations').knownAuthorities).toEqual(['login.microsoftonline.com:8443']);
  });

  it('refuses a host that is not an https origin (or http on loopback), and a tenant that would change the URL', () => {
    for (const host of ['http://login.evil.example', 'ftp://127.0.0.1', 'https://login.microsoftonline.com/common', 'https://user:pw@login.example', 'https://login.example?x=1', 'not a url', '', 'http://127.0.0.1.evil.example']) {
      expect(() => msalAuthOptions(host, 'contoso.onmicrosoft.com'), host).toThrow(RangeError);
    }
    for (const tenant of ['', 'contoso', '../common', 'a b.com', 'evil.example/oauth2?x=', 'common/../x']) {
      expect(() => msalAuthOptions('https://login.microsoftonline.com', tenant), tenant).toThrow(/tenant/);
    }
  });
});

describe('msal-node 7.2.1 against the demo tenant over http on loopback', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'msal-loopback', devices: 10, speed: 0 });
    served = await serveDemoTenant(tenant);
  });
  afterAll(() => served.close());

  for (const by of ['tenant id', 'verified domain'] as const) {
    it(`builds the authorize URL with no request at all, exchanges the code and refreshes, only ever at 127.0.0.1 (authority by ${by})`, async () => {
      const segment = by === 'tenant id' ? tenant.data.tenantId : tenant.data.tenantDomain;
      const watch = watchOutgoingOrigins();
      try {
        const app = new PublicClientApplication({ auth: { clientId: tenant.clientId, ...msalAuthOptions(served.origin, segment) } });
        const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
        const url = await app.getAuthCodeUrl({ scopes: ['User.Read'], redirectUri: REDIRECT, codeChallenge: challenge, codeChallengeMethod: 'S256', state: 'st', nonce: 'the-nonce', responseMode: 'form_post' });
        expect(watch.origins()).toEqual([]);
        expect(url.startsWith(`${served.origin}/${segment}/oauth2/v2.0/authorize?`)).toBe(true);

        const answer = answerOf(await press(await open(url), 'Sign in as globaladmin@contoso.example'));
        expect(answer.state).toBe('st');
        const result = await app.acquireTokenByCode({ code: answer.code ?? '', scopes: ['User.Read'], redirectUri: REDIRECT, codeVerifier: verifier, nonce: 'the-nonce' });
        const admin = tenant.signInUser('globaladmin@contoso.example')!;
        expect(result.account).toMatchObject({ tenantId: tenant.data.tenantId, localAccountId: admin.id, username: admin.userPrincipalName, homeAccountId: `${admin.id}.${tenant.data.tenantId}` });
        expect(result.idTokenClaims).toMatchObject({ nonce: 'the-nonce', aud: tenant.clientId });

        const refreshed = await app.acquireTokenSilent({ account: result.account!, scopes: ['User.Read'], forceRefresh: true });
        expect(refreshed.accessToken).not.toBe(result.accessToken);
        const graph = await fetch(`${served.credentials.graphBaseUrl}/me`, { headers: { authorization: `Bearer ${refreshed.accessToken}` } });
        expect(graph.status).toBe(200);
      } finally {
        watch.stop();
      }
      const origins = new Set(watch.origins());
      expect([...origins].every((origin) => new URL(origin).hostname === '127.0.0.1'), [...origins].join(', ')).toBe(true);
      expect(origins.has(served.origin)).toBe(true);
    });
  }
});
