// msal-node (through MsalInteractiveProvider and the admin consent) against the demo
// tenant served over loopback HTTP, with a small test browser that picks the account
// and follows the form_post to the provider's own loopback redirect.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestAdminConsent } from '../../electron/auth/admin-consent';
import { AuthorizationResponseError, SignInTimeoutError } from '../../electron/auth/auth-code-errors';
import { ConsentRequiredError } from '../../electron/auth/consent-required-error';
import { MsalInteractiveProvider, SignInRequiredError, type MsalInteractiveProviderOptions } from '../../electron/auth/msal-interactive-provider';
import { WrongTenantError } from '../../electron/auth/wrong-tenant-error';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { postToken } from '../support/demo-identity-http';
import { follow, open, press, signInAs, type BrowserPage } from '../support/identity-browser';
import { isPortClosed, portOf, sendRedirect } from '../support/loopback-browser';
import { MemoryTokenCache } from '../support/memory-token-cache';

const GA = 'globaladmin@contoso.example';
const FULL = 'fullaccess@contoso.example';
const RESTRICTED = 'restricted@contoso.example';
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
const GA_TEMPLATE = '62e90394-69f5-4237-9190-012177145e10';
const PRA_TEMPLATE = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';

function outcomeOf<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Where the test browser was sent, and what the person at it does there. */
class BrowserSession {
  readonly urls: string[] = [];
  readonly visits: Promise<unknown>[] = [];
  constructor(private readonly act: ((url: string) => Promise<unknown>) | null) {}

  readonly openBrowser = (url: string): Promise<void> => {
    this.urls.push(url);
    if (this.act) this.visits.push(this.act(url).catch((error: unknown) => error));
    return Promise.resolve();
  };

  async opened(count = 1): Promise<URL> {
    await expect.poll(() => this.urls.length).toBeGreaterThanOrEqual(count);
    return new URL(this.urls[count - 1]!);
  }
}

const signingInAs = (upn: string) => new BrowserSession((url) => signInAs(url, upn));
const redirectPort = (url: URL): number => portOf(url.searchParams.get('redirect_uri') ?? '');

describe('msal-node against the demo tenant over loopback', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let tid: string;
  const providers: MsalInteractiveProvider[] = [];

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'msal-identity', devices: 20, speed: 0 });
    served = await serveDemoTenant(tenant);
    tid = tenant.data.tenantId;
  });
  afterAll(() => served.close());
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((provider) => provider.signOut()));
    tenant.grantConsent(GA);
    tenant.setIntuneRole(FULL, false);
  });

  function provider(browser: BrowserSession, options: Partial<MsalInteractiveProviderOptions> = {}, on: DemoTenant = tenant, at: ServedDemoTenant = served): MsalInteractiveProvider {
    const made = new MsalInteractiveProvider({
      clientId: on.clientId,
      tenantId: on.data.tenantId,
      expectedTenantId: on.data.tenantId,
      authorityHost: at.credentials.authorityHost,
      openBrowser: browser.openBrowser,
      signInWhenNeeded: false,
      signInTimeoutMs: 10_000,
      ...options,
    });
    providers.push(made);
    return made;
  }

  const graph = (path: string, token: string, init: RequestInit = {}, at: ServedDemoTenant = served) =>
    fetch(`${at.credentials.graphBaseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

  it('signs in with the authorization code and PKCE: the ID token claims reach SignedInAccount, the port closes, Graph answers', async () => {
    for (const authorityTenant of [tid, tenant.data.tenantDomain]) {
      const browser = signingInAs(GA);
      const tokens = provider(browser, { tenantId: authorityTenant });
      const admin = tenant.signInUser(GA)!;
      expect(await tokens.signIn()).toEqual({ username: GA, oid: admin.id, tid, name: admin.displayName });
      const url = await browser.opened();
      expect(`${url.origin}${url.pathname}`).toBe(`${served.origin}/${authorityTenant}/oauth2/v2.0/authorize`);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('response_mode')).toBe('form_post');
      expect(url.searchParams.get('scope')?.split(' ')).toContain('User.Read');
      expect(await isPortClosed(redirectPort(url))).toBe(true);

      const me = await graph('/me', await tokens.tokenFor(['User.Read']));
      expect(me.status).toBe(200);
      expect(((await me.json()) as { id: string }).id).toBe(admin.id);
    }
  });

  it('restores the account from the cache on the next run, without a browser', async () => {
    const cache = new MemoryTokenCache();
    await provider(signingInAs(FULL), { cachePlugin: cache }).signIn();
    const nextRun = provider(new BrowserSession(null), { cachePlugin: cache });
    expect((await nextRun.restore())?.username).toBe(FULL);
    expect((await graph('/me', await nextRun.tokenFor(['User.Read']))).status).toBe(200);
  });

  it('refreshes with the refresh token when the access token has expired, and the refresh token rotates', async () => {
    const cache = new MemoryTokenCache();
    const tokens = provider(signingInAs(GA), { cachePlugin: cache });
    await tokens.signIn();
    const first = await tokens.tokenFor(['User.Read']);
    const firstRefreshToken = cache.refreshTokens();
    expect(firstRefreshToken).toHaveLength(1);
    tenant.tokens.expireAll();
    expect((await graph('/me', first)).status).toBe(401);

    tenant.recordRequests = true;
    tenant.requestLog.length = 0;
    try {
      const second = await tokens.tokenFor(['User.Read'], { forceRefresh: true });
      expect(second).not.toBe(first);
      expect((await graph('/me', second)).status).toBe(200);
      expect(tenant.requestLog.filter((entry) => entry.path.endsWith('/oauth2/v2.0/token')).map((entry) => entry.status)).toEqual([200]);
      expect(await tokens.tokenFor(['User.Read'])).toBe(second);
      expect(tenant.requestLog.filter((entry) => entry.path.endsWith('/oauth2/v2.0/token'))).toHaveLength(1);
    } finally {
      tenant.recordRequests = false;
    }
    expect(cache.refreshTokens()).toHaveLength(1);
    expect(cache.refreshTokens()).not.toEqual(firstRefreshToken);
    const replay = await postToken(served.origin, tid, { grant_type: 'refresh_token', client_id: tenant.clientId, refresh_token: firstRefreshToken[0]!, scope: 'User.Read openid' });
    expect(replay.body).toMatchObject({ error: 'invalid_grant', suberror: 'bad_token' });

    // Refreshes asked for at once take turns, so none of them presents a refresh token another one just replaced.
    const asked: [string, string][] = [['User.Read', '/me'], [GRAPH_DEFAULT, '/deviceManagement/managedDevices?$top=1'], ['GroupMember.Read.All', '/groups?$top=1'], ['User.Read', '/me']];
    const together = await Promise.all(asked.map(([scope]) => tokens.tokenFor([scope], { forceRefresh: true })));
    for (const [index, token] of together.entries()) expect((await graph(asked[index]![1], token)).status, asked[index]![0]).toBe(200);
  });

  it('refuses a forged redirect (wrong state) and still takes the real one', async () => {
    const browser = new BrowserSession(null);
    const signingIn = provider(browser).signIn();
    const url = await browser.opened();
    const redirectUri = url.searchParams.get('redirect_uri')!;
    const forged = await sendRedirect(redirectUri, { code: 'forged-code', state: 'not-the-state' }, 'form_post');
    expect(forged.status).toBe(400);
    expect(await isPortClosed(portOf(redirectUri))).toBe(false);
    await signInAs(url.toString(), RESTRICTED);
    expect((await signingIn).username).toBe(RESTRICTED);
  });

  it("refuses an account of another tenant than the expected one, and keeps nothing of it", async () => {
    const cache = new MemoryTokenCache();
    const tokens = provider(signingInAs(GA), { tenantId: tenant.data.tenantDomain, expectedTenantId: OTHER_TENANT, cachePlugin: cache });
    const outcome = await outcomeOf(tokens.signIn());
    expect(outcome).toEqual({ error: expect.any(WrongTenantError) as unknown });
    expect((outcome as { error: WrongTenantError }).error).toMatchObject({ expectedTenantId: OTHER_TENANT, actualTenantId: tid });
    expect(cache.accounts()).toEqual([]);
    expect(cache.refreshTokens()).toEqual([]);
    expect(tokens.signedInAccount()).toBeNull();
    await expect(tokens.tokenFor(['User.Read'])).rejects.toBeInstanceOf(SignInRequiredError);

    // An account of this tenant already in the cache is removed when a profile for another tenant restores it.
    await provider(signingInAs(GA), { cachePlugin: cache }).signIn();
    expect(cache.accounts()).toEqual([{ username: GA, tenantId: tid }]);
    expect(await provider(new BrowserSession(null), { expectedTenantId: OTHER_TENANT, tenantId: OTHER_TENANT, cachePlugin: cache }).restore()).toBeNull();
    expect(cache.accounts()).toEqual([]);
  });

  it('gives up a sign-in nobody completes, or that is cancelled, and leaves no port open', async () => {
    const idle = new BrowserSession(null);
    const timedOut = outcomeOf(provider(idle, { signInTimeoutMs: 150 }).signIn());
    const timedOutUrl = await idle.opened();
    expect(await timedOut).toEqual({ error: expect.any(SignInTimeoutError) as unknown });
    expect(await isPortClosed(redirectPort(timedOutUrl))).toBe(true);

    const abandoned = new BrowserSession(null);
    const controller = new AbortController();
    const aborted = outcomeOf(provider(abandoned).signIn(controller.signal));
    const abandonedUrl = await abandoned.opened();
    const reason = new Error('the admin closed the dialog');
    controller.abort(reason);
    expect(await aborted).toEqual({ error: reason });
    expect(await isPortClosed(redirectPort(abandonedUrl))).toBe(true);

    const declining = new BrowserSession(async (url) => follow(await press(await open(url), 'Cancel')));
    const declined = await outcomeOf(provider(declining).signIn());
    expect(declined).toEqual({ error: expect.any(AuthorizationResponseError) as unknown });
    expect((declined as { error: AuthorizationResponseError }).error).toMatchObject({ error: 'access_denied', aadsts: 65004 });
    expect(await isPortClosed(redirectPort(await declining.opened()))).toBe(true);
  });

  it('refuses delegated Intune calls of fullaccess@, who has no Intune role, with the Intune RBAC 403', async () => {
    const tokens = provider(signingInAs(FULL));
    await tokens.signIn();
    const token = await tokens.tokenFor([GRAPH_DEFAULT]);
    const refused = await graph('/deviceManagement/managedDevices?$top=1', token);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('The signed-in user has no Intune role assignment that allows this operation (Intune role-based access control).');
    expect((await graph('/me', token)).status).toBe(200);
    tenant.setIntuneRole(FULL, true);
    expect((await graph('/deviceManagement/managedDevices?$top=1', token)).status).toBe(200);
  });

  it('decides roles with checkMemberObjects and a User.Read token: groups and role templates, at most 20 GUIDs', async () => {
    const full = tenant.data.groups.find((group) => group.displayName === 'MTD Console Full Access')!.id;
    const restricted = tenant.data.groups.find((group) => group.displayName === 'MTD Console Restricted Access')!.id;
    const ids = [full, restricted, GA_TEMPLATE, PRA_TEMPLATE];
    const check = (token: string, body: unknown) => graph('/me/checkMemberObjects', token, { method: 'POST', body: JSON.stringify(body) });
    const answered = async (token: string) => ((await (await check(token, { ids })).json()) as { value: string[] }).value;

    const admin = provider(signingInAs(GA));
    await admin.signIn();
    const adminToken = await admin.tokenFor(['User.Read']);
    expect(await answered(adminToken)).toEqual([full, GA_TEMPLATE]);
    const member = provider(signingInAs(FULL));
    await member.signIn();
    expect(await answered(await member.tokenFor(['User.Read']))).toEqual([full]);

    const guids = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await check(adminToken, { ids: guids.slice(0, 20) })).status).toBe(200);
    expect((await check(adminToken, { ids: guids })).status).toBe(400);
    expect((await check(adminToken, { ids: [GA_TEMPLATE, 'not-a-guid'] })).status).toBe(400);
  });

  describe('a tenant without admin consent', () => {
    let fresh: DemoTenant;
    let freshServed: ServedDemoTenant;

    beforeAll(async () => {
      fresh = createDemoTenant({ seed: 'msal-consent', devices: 20, speed: 0, consent: false });
      freshServed = await serveDemoTenant(fresh);
    });
    afterAll(() => freshServed.close());

    const consentAs = (upn: string, decision: 'Accept' | 'Cancel' | null) =>
      requestAdminConsent({
        authorityHost: freshServed.credentials.authorityHost,
        tenant: fresh.data.tenantId,
        clientId: fresh.clientId,
        scope: GRAPH_DEFAULT,
        timeoutMs: 10_000,
        openBrowser: async (url) => {
          const picked = await press(await open(url), `Sign in as ${upn}`);
          void follow(decision ? await press(picked, decision) : picked);
        },
      });

    it('signs in with User.Read; .default is ConsentRequiredError until the Global Administrator consents; a revoke refuses Graph at once', async () => {
      const tokens = provider(signingInAs(GA), {}, fresh, freshServed);
      expect((await tokens.signIn()).tid).toBe(fresh.data.tenantId);
      const missing = await outcomeOf(tokens.tokenFor([GRAPH_DEFAULT]));
      expect(missing).toEqual({ error: expect.any(ConsentRequiredError) as unknown });
      expect((missing as { error: ConsentRequiredError }).error).toMatchObject({ aadsts: 65001, scopes: [GRAPH_DEFAULT] });

      const notAdmin = await outcomeOf(consentAs(RESTRICTED, null));
      expect(notAdmin).toEqual({ error: expect.any(AuthorizationResponseError) as unknown });
      expect((notAdmin as { error: AuthorizationResponseError }).error).toMatchObject({ error: 'consent_required', aadsts: 90094 });
      const declined = await outcomeOf(consentAs(GA, 'Cancel'));
      expect((declined as { error: AuthorizationResponseError }).error).toMatchObject({ error: 'access_denied', aadsts: 65004 });
      expect(fresh.consent.granted).toBe(false);

      expect(await consentAs(GA, 'Accept')).toEqual({ reportedTenant: fresh.data.tenantId, scope: GRAPH_DEFAULT });
      expect(fresh.consent).toMatchObject({ granted: true, grantedBy: GA });
      const token = await tokens.tokenFor([GRAPH_DEFAULT], { forceRefresh: true });
      expect((await graph('/deviceManagement/managedDevices?$top=1', token, {}, freshServed)).status).toBe(200);

      fresh.revokeConsent();
      const refused = await graph('/deviceManagement/managedDevices?$top=1', token, {}, freshServed);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
        'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementManagedDevices.Read.All, DeviceManagementManagedDevices.ReadWrite.All',
      );
      await expect(tokens.tokenFor([GRAPH_DEFAULT], { forceRefresh: true })).rejects.toBeInstanceOf(ConsentRequiredError);
      expect((await graph('/me', await tokens.tokenFor(['User.Read']), {}, freshServed)).status).toBe(200);
    });

    it('leaves a sign-in asking for admin-only scopes on "Need admin approval": it never comes back, and times out', async () => {
      const stuck = new BrowserSession(async (url) => press(await open(url), `Sign in as ${GA}`));
      const outcome = outcomeOf(provider(stuck, { signInTimeoutMs: 300 }, fresh, freshServed).signIn(undefined, [GRAPH_DEFAULT]));
      await stuck.opened();
      await expect.poll(() => stuck.visits.length).toBe(1);
      const page = (await stuck.visits[0]) as BrowserPage;
      expect(page.title).toBe('Need admin approval');
      expect(await outcome).toEqual({ error: expect.any(SignInTimeoutError) as unknown });
    });
  });
});
