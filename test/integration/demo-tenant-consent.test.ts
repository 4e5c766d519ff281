// The demo tenant's admin consent over loopback HTTP, spoken raw: a tenant without
// consent, the v2 admin consent endpoint, and the served tenant's demo switches.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../electron/host/project-paths';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { DEMO_CONSENT_PATH, serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { authorizeUrl, delegatedToken, postToken } from '../support/demo-identity-http';
import { open, press, type BrowserPage } from '../support/identity-browser';
import { firstLine } from '../support/first-line';

const GA = 'globaladmin@contoso.example';
const RESTRICTED = 'restricted@contoso.example';
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
const CONSENT_REDIRECT = 'http://localhost:53682/adminconsent';

describe('a demo tenant without admin consent', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let host: string;
  let tid: string;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'consent', devices: 20, speed: 0, consent: false });
    served = await serveDemoTenant(tenant);
    host = served.credentials.authorityHost;
    tid = tenant.data.tenantId;
  });
  afterAll(() => served.close());
  beforeEach(() => tenant.revokeConsent());

  const consentUrl = (params: Record<string, string | undefined> = {}) => {
    const query = new URLSearchParams();
    const all: Record<string, string | undefined> = { client_id: tenant.clientId, scope: GRAPH_DEFAULT, redirect_uri: CONSENT_REDIRECT, state: 'consent-state', ...params };
    for (const [name, value] of Object.entries(all)) if (value !== undefined) query.set(name, value);
    return `${host}/${tid}/v2.0/adminconsent?${query.toString()}`;
  };

  /** The query the consent endpoint sends the app to, with the redirect URI it went to. */
  function redirectOf(page: BrowserPage): { target: string; params: Record<string, string> } {
    expect(page.status, page.body.slice(0, 300)).toBe(302);
    const location = new URL(page.headers.get('location') ?? '');
    return { target: `${location.origin}${location.pathname}`, params: Object.fromEntries(location.searchParams) };
  }

  it('is stated in its consent, and lets users sign in with what they may consent to alone', async () => {
    expect(tenant.consent).toEqual({ granted: false });
    const { accessToken } = await delegatedToken(host, tid, tenant.clientId, RESTRICTED, 'User.Read');
    expect(accessToken).toMatch(/^demo\.graph\./);
  });

  it('answers admin-only scopes and .default with "Need admin approval", which never goes back to the app', async () => {
    for (const scope of [`${GRAPH_DEFAULT} openid profile offline_access`, 'User.Read GroupMember.Read.All openid', 'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All openid']) {
      const page = await press(await open(authorizeUrl(host, tid, { client_id: tenant.clientId, scope })), `Sign in as ${GA}`);
      expect(page.status, scope).toBe(200);
      expect(page.title).toBe('Need admin approval');
      expect(page.body).toContain('AADSTS90094');
      expect(page.forms).toEqual([]);
      expect(page.headers.get('location')).toBeNull();
    }
  });

  it('refuses a refresh for admin-only scopes with AADSTS65001 consent_required; after consent the same refresh token works', async () => {
    const { refreshToken } = await delegatedToken(host, tid, tenant.clientId, GA, 'User.Read');
    const refresh = () => postToken(host, tid, { grant_type: 'refresh_token', client_id: tenant.clientId, refresh_token: refreshToken, scope: `${GRAPH_DEFAULT} openid profile offline_access` });
    const refused = await refresh();
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
    expect(String(refused.body.error_description)).toContain(
      `AADSTS65001: The user or administrator has not consented to use the application with ID '${tenant.clientId}' named 'MTD Connector Console'. Send an interactive authorization request for this user and resource.`,
    );
    tenant.grantConsent(GA);
    const granted = await refresh();
    expect(granted.status).toBe(200);
    expect(String(granted.body.scope).split(' ')).toEqual(expect.arrayContaining(['User.Read', 'DeviceManagementManagedDevices.Read.All', GRAPH_DEFAULT]));
  });

  describe('the v2 admin consent endpoint', () => {
    it('lists the sign-in users and Cancel; Cancel answers access_denied, still with admin_consent=True', async () => {
      const page = await open(consentUrl());
      expect(page.status).toBe(200);
      expect(page.forms[0]?.buttons.map((button) => button.label)).toEqual([GA, 'fullaccess@contoso.example', RESTRICTED, 'outsider@contoso.example'].map((upn) => `Sign in as ${upn}`).concat('Cancel'));
      const { target, params } = redirectOf(await press(page, 'Cancel'));
      expect(target).toBe(CONSENT_REDIRECT);
      expect(params).toMatchObject({ admin_consent: 'True', error: 'access_denied', state: 'consent-state' });
      expect(params.error_description).toMatch(/^AADSTS65004: /);
      expect(tenant.consent.granted).toBe(false);
    });

    it('sends a user who is no administrator back with consent_required (AADSTS90094) and grants nothing', async () => {
      for (const upn of [RESTRICTED, 'fullaccess@contoso.example']) {
        const { params } = redirectOf(await press(await open(consentUrl()), `Sign in as ${upn}`));
        expect(params).toMatchObject({ admin_consent: 'True', error: 'consent_required', state: 'consent-state' });
        expect(params.error_description).toMatch(/^AADSTS90094: /);
        expect(params.tenant).toBeUndefined();
      }
      expect(tenant.consent.granted).toBe(false);
    });

    it("shows the Global Administrator the app's permissions; Cancel declines, Accept records who and when and redirects with the tenant", async () => {
      const permissions = await press(await open(consentUrl()), `Sign in as ${GA}`);
      expect(permissions.title).toBe('Permissions requested');
      expect(permissions.body).toContain('DeviceManagementManagedDevices.Read.All');
      expect(permissions.body).toContain('GroupMember.Read.All');
      expect(permissions.forms[0]?.buttons.map((button) => button.label)).toEqual(['Accept', 'Cancel']);

      const declined = redirectOf(await press(permissions, 'Cancel'));
      expect(declined.params).toMatchObject({ admin_consent: 'True', error: 'access_denied' });
      expect(tenant.consent.granted).toBe(false);

      const before = Date.now();
      const accepted = redirectOf(await press(permissions, 'Accept'));
      expect(accepted).toEqual({ target: CONSENT_REDIRECT, params: { admin_consent: 'True', tenant: tid, scope: GRAPH_DEFAULT, state: 'consent-state' } });
      const consent = tenant.consent;
      expect(consent).toMatchObject({ granted: true, grantedBy: GA });
      expect(Date.parse(consent.grantedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    });

    it('shows a bad client or redirect URI in the browser, and sends other bad input back as an error', async () => {
      for (const [params, aadsts] of [
        [{ client_id: '11111111-2222-4333-8444-555555555555' }, 'AADSTS700016'],
        [{ redirect_uri: 'https://evil.example/adminconsent' }, 'AADSTS50011'],
        [{ redirect_uri: undefined }, 'AADSTS900144'],
      ] as const) {
        const page = await open(consentUrl(params));
        expect(page.status).toBe(400);
        expect(page.headers.get('location')).toBeNull();
        expect(page.body).toContain(aadsts);
      }
      const noScope = redirectOf(await open(consentUrl({ scope: undefined })));
      expect(noScope.params).toMatchObject({ admin_consent: 'True', error: 'invalid_request', state: 'consent-state' });
      const badScope = redirectOf(await open(consentUrl({ scope: '<script>' })));
      expect(badScope.params).toMatchObject({ error: 'invalid_scope' });

      const script = '"><script>alert(1)</script>';
      const page = await open(consentUrl({ state: script }));
      expect(page.body).not.toContain('<script>alert(1)');
      expect(redirectOf(await press(page, 'Cancel')).params.state).toBe(script);
      const forged = await fetch(consentUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: tenant.clientId, scope: GRAPH_DEFAULT, redirect_uri: CONSENT_REDIRECT, login: `${script}@contoso.example` }).toString() });
      const text = await forged.text();
      expect(text).toContain('AADSTS50034');
      expect(text).not.toContain('<script>alert(1)');
      expect(tenant.consent.granted).toBe(false);
    });
  });

  describe('served demo switches', () => {
    it('GET /_demo/consent tells the state, DELETE revokes it', async () => {
      tenant.grantConsent(GA);
      const state = (await (await fetch(`${served.origin}${DEMO_CONSENT_PATH}`)).json()) as { granted: boolean; grantedBy: string };
      expect(state).toMatchObject({ granted: true, grantedBy: GA });
      const revoked = await fetch(`${served.origin}${DEMO_CONSENT_PATH}`, { method: 'DELETE' });
      expect(revoked.status).toBe(200);
      expect(await revoked.json()).toEqual({ granted: false });
      expect(tenant.consent.granted).toBe(false);
      expect((await fetch(`${served.origin}${DEMO_CONSENT_PATH}`, { method: 'POST' })).status).toBe(404);
    });

    it('PUT /_demo/users/<upn>/intune-role {enabled} gives or takes the role, and refuses bad input', async () => {
      const put = (upn: string, body: string) => fetch(`${served.origin}/_demo/users/${encodeURIComponent(upn)}/intune-role`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
      const full = 'fullaccess@contoso.example';
      expect(tenant.signInUser(full)?.intuneRole).not.toBe(true);
      const given = await put(full, JSON.stringify({ enabled: true }));
      expect(given.status).toBe(200);
      expect(await given.json()).toEqual({ userPrincipalName: full, intuneRole: true });
      expect(tenant.signInUser(full)?.intuneRole).toBe(true);
      expect((await put(full, JSON.stringify({ enabled: false }))).status).toBe(200);
      expect(tenant.signInUser(full)?.intuneRole).toBe(false);
      for (const bad of ['not json', '{"enabled":"yes"}', '{}', 'null', '']) expect((await put(full, bad)).status, bad).toBe(400);
      expect((await put(full, JSON.stringify({ enabled: true, pad: 'x'.repeat(100_000) }))).status).toBe(413);
      expect(tenant.signInUser(full)?.intuneRole).toBe(false);
      expect((await put('nobody@contoso.example', '{"enabled":true}')).status).toBe(404);
      expect((await fetch(`${served.origin}/_demo/users/%E0%A4%A/intune-role`, { method: 'PUT', body: '{"enabled":true}' })).status).toBe(400);
    });
  });
});

describe('npm run demo-tenant -- --no-consent', () => {
  it('serves a brand-new tenant and prints the endpoints the console reads from MTD_CONSOLE_ENDPOINTS', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo-tenant/cli.ts', '--devices', '10', '--port', '0', '--seed', 'cli-consent', '--no-consent'], { cwd: PROJECT_ROOT });
    const line = await firstLine(child);
    try {
      const info = JSON.parse(line.slice('DEMO_TENANT '.length)) as { authorityHost: string; graphBaseUrl: string; mraBaseUrl: string; tenantId: string; endpoints: Record<string, string> };
      expect(info.authorityHost).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.endpoints).toEqual({ authorityHost: info.authorityHost, graphBaseUrl: info.graphBaseUrl, lookoutBaseUrl: info.mraBaseUrl });
      expect(await (await fetch(`${info.authorityHost}${DEMO_CONSENT_PATH}`)).json()).toEqual({ granted: false });
      const discovery = await fetch(`${info.authorityHost}/${info.tenantId}/v2.0/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
    } finally {
      child.kill();
    }
  });
});

it('a tenant built without the consent option has consent, so .default signs in at once', async () => {
  const tenant = createDemoTenant({ seed: 'consent-default', devices: 10, speed: 0 });
  const served = await serveDemoTenant(tenant);
  try {
    expect(tenant.consent).toMatchObject({ granted: true, grantedBy: GA });
    const { accessToken } = await delegatedToken(served.origin, tenant.data.tenantId, tenant.clientId, GA, GRAPH_DEFAULT);
    expect(accessToken).toMatch(/^demo\.graph\./);
  } finally {
    await served.close();
  }
});
