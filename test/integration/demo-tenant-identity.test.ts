// The demo tenant's identity endpoints over loopback HTTP, spoken raw (no msal):
// discovery, the sign-in page, the code with PKCE, refresh rotation, and bad input.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { CODE_LIFETIME_MS } from '../../electron/demo-tenant/identity-grants';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { authorizeUrl, jwtClaims, jwtHeader, LOOPBACK_REDIRECT, pkce, postToken, type AuthorizeParams } from '../support/demo-identity-http';
import { answerOf, open, press, type BrowserPage } from '../support/identity-browser';

const GA = 'globaladmin@contoso.example';
const SIGN_IN_USERS = [GA, 'fullaccess@contoso.example', 'restricted@contoso.example', 'outsider@contoso.example'];

describe('demo tenant identity endpoints', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let host: string;
  let tid: string;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'identity-endpoints', devices: 20, speed: 0 });
    served = await serveDemoTenant(tenant);
    host = served.credentials.authorityHost;
    tid = tenant.data.tenantId;
  });
  afterAll(() => served.close());
  afterEach(() => vi.useRealTimers());

  const url = (params: AuthorizeParams = {}, challenge?: string, tenantSegment = tid) => authorizeUrl(host, tenantSegment, { client_id: tenant.clientId, ...params }, challenge);

  /** A code for the user, as the browser would hand it to the app. */
  async function codeFor(upn: string, params: AuthorizeParams = {}): Promise<{ code: string; verifier: string; answer: Record<string, string> }> {
    const { verifier, challenge } = pkce();
    const answer = answerOf(await press(await open(url(params, challenge)), `Sign in as ${upn}`));
    if (!answer.code) throw new Error(`no code: ${JSON.stringify(answer)}`);
    return { code: answer.code, verifier, answer };
  }

  const redeem = (code: string, verifier: string, extra: Record<string, string> = {}) =>
    postToken(host, tid, { grant_type: 'authorization_code', client_id: tenant.clientId, code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: verifier, scope: 'User.Read openid profile offline_access', client_info: '1', ...extra });

  function expectShownNotSent(page: BrowserPage, aadsts: string): void {
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(page.body).toContain(aadsts);
    expect(page.forms).toEqual([]);
  }

  describe('discovery', () => {
    it('serves the OpenID configuration by tenant id and by verified domain, endpoints under that first segment', async () => {
      for (const segment of [tid, tenant.data.tenantDomain, tid.toUpperCase()]) {
        const response = await fetch(`${host}/${segment}/v2.0/.well-known/openid-configuration`);
        expect(response.status).toBe(200);
        const config = (await response.json()) as Record<string, unknown>;
        const base = `${host}/${segment.toLowerCase()}`;
        expect(config).toMatchObject({
          issuer: `${host}/${tid}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          response_modes_supported: expect.arrayContaining(['form_post', 'query']) as unknown,
          code_challenge_methods_supported: ['S256'],
        });
      }
      expect(await (await fetch(`${host}/${tid}/discovery/v2.0/keys`)).json()).toEqual({ keys: [] });
    });

    it('answers another tenant, common, or a mangled segment with AADSTS90002, never this tenant', async () => {
      for (const segment of ['00000000-0000-4000-8000-000000000000', 'common', 'fabrikam.example', '%E0%A4%A', "x'%3Cscript%3E"]) {
        const response = await fetch(`${host}/${segment}/v2.0/.well-known/openid-configuration`);
        expect(response.status, segment).toBe(400);
        const body = (await response.json()) as { error: string; error_codes: number[]; error_description: string };
        expect(body.error_codes).toEqual([90002]);
        expect(body.error_description).toMatch(/^AADSTS90002: Tenant '/);
      }
      const page = await open(url({}, undefined, 'common'));
      expectShownNotSent(page, 'AADSTS90002');
    });
  });

  describe('the sign-in page', () => {
    it('lists the four sign-in users as "Sign in as <upn>" buttons and Cancel, and loads nothing from elsewhere', async () => {
      const page = await open(url());
      expect(page.status).toBe(200);
      expect(page.title).toBe('Sign in to your account');
      const labels = page.forms.flatMap((form) => form.buttons.map((button) => button.label));
      expect(labels).toEqual([...SIGN_IN_USERS.map((upn) => `Sign in as ${upn}`), 'Cancel']);
      expect(page.forms[0]?.action).toBe(`/${tid}/oauth2/v2.0/authorize`);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'/);
      // The picker's answer may be a 302 to the app, and CSP's form-action checks redirects too.
      expect(csp).toMatch(new RegExp(`form-action 'self' ${LOOPBACK_REDIRECT}(;|$)`));
      const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(page.body).toContain(`<style nonce="${nonce}">`);
      expect(page.body).not.toMatch(/\s(src|href)=/);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    });

    it('puts the login_hint user first', async () => {
      const page = await open(url({ login_hint: 'restricted@contoso.example' }));
      expect(page.forms[0]?.buttons[0]?.label).toBe('Sign in as restricted@contoso.example');
    });

    it('shows an unknown client or a redirect URI that is not loopback in the browser, and sends nothing to it', async () => {
      expectShownNotSent(await open(url({ client_id: '11111111-2222-4333-8444-555555555555' })), 'AADSTS700016');
      expectShownNotSent(await open(url({ client_id: undefined })), 'AADSTS900144');
      for (const redirect of ['https://evil.example/', 'http://evil.example:53682', 'http://localhost.evil.example/', 'http://127.0.0.1@evil.example/', 'javascript:alert(1)', 'http://localhost:53682/?next=x', 'http://local\thost:1/', 'http://[::1]:53682']) {
        expectShownNotSent(await open(url({ redirect_uri: redirect })), 'AADSTS50011');
      }
    });

    it('sends a request without S256 PKCE, or asking for something else than a code, back to the app as an error', async () => {
      const cases: [AuthorizeParams, string, string][] = [
        [{ code_challenge: undefined }, 'invalid_request', 'AADSTS9002325'],
        [{ code_challenge_method: 'plain' }, 'invalid_request', 'AADSTS9002325'],
        [{ code_challenge_method: undefined }, 'invalid_request', 'AADSTS9002325'],
        [{ code_challenge: 'short' }, 'invalid_request', 'AADSTS501491'],
        [{ response_type: 'token' }, 'unsupported_response_type', 'AADSTS70005'],
        [{ scope: undefined }, 'invalid_request', 'AADSTS900144'],
        [{ scope: 'User.Read https://evil.example/steal' }, 'invalid_scope', 'AADSTS70011'],
        [{ scope: 'Mail.Send' }, 'invalid_scope', 'AADSTS650053'],
        [{ scope: 'https://graph.microsoft.com/.default User.Read' }, 'invalid_scope', 'AADSTS70011'],
        [{ prompt: 'none' }, 'login_required', 'AADSTS50058'],
        [{ prompt: 'sometimes' }, 'invalid_request', 'AADSTS90023'],
      ];
      for (const [params, error, aadsts] of cases) {
        const answer = answerOf(await open(url(params)));
        expect(answer, JSON.stringify(params)).toMatchObject({ error, state: 'state-1' });
        expect(answer.error_description).toMatch(new RegExp(`^${aadsts}: `));
        expect(answer.code).toBeUndefined();
      }
      const query = await open(url({ response_mode: 'fragment' }));
      expect(query.status).toBe(302);
      expect(new URL(query.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    });

    it('Cancel answers access_denied with AADSTS65004, and an unknown account gets the picker again', async () => {
      const answer = answerOf(await press(await open(url()), 'Cancel'));
      expect(answer).toMatchObject({ error: 'access_denied', state: 'state-1' });
      expect(answer.error_description).toMatch(/^AADSTS65004: User declined/);

      const page = await open(url());
      const form = page.forms[0]!;
      const forged = await fetch(new URL(form.action, host), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.fields, login: 'user1@contoso.example' }).toString() });
      const again = await forged.text();
      expect(again).toContain('AADSTS50034');
      expect(again).toContain('Sign in as globaladmin@contoso.example');
    });

    it('escapes everything it echoes, and refuses oversize requests in the browser', async () => {
      const script = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
      const page = await open(url({ state: script, login_hint: script, nonce: `'${script}` }));
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('<script>alert(1)');
      expect(page.body).not.toContain('<img src=x');
      expect(page.forms[0]?.fields.state).toBe(script);
      const answer = answerOf(await press(page, `Sign in as ${GA}`));
      expect(answer.state).toBe(script);

      const error = await open(url({ redirect_uri: `http://evil.example/${script}` }));
      expect(error.body).not.toContain('<script>alert(1)');
      expectShownNotSent(await open(url({ state: 'x'.repeat(9000) })), 'AADSTS90015');
      expectShownNotSent(await open(`${url()}&state=again`), 'AADSTS90100');
    });

    it('hands the code to the app in a form_post page that submits itself, with a Continue button and a nonce-bound script', async () => {
      const page = await press(await open(url()), `Sign in as ${GA}`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(page.body).toContain(`<script nonce="${nonce}">`);
      expect(csp).toContain(`form-action ${LOOPBACK_REDIRECT}`);
      const form = page.forms[0]!;
      expect(form.action).toBe(LOOPBACK_REDIRECT);
      expect(form.buttons.map((button) => button.label)).toEqual(['Continue']);
      expect(Object.keys(form.fields).sort()).toEqual(['code', 'state']);
    });

    it('redirects with the code in the query for response_mode=query', async () => {
      const page = await press(await open(url({ response_mode: 'query', redirect_uri: 'http://127.0.0.1:4000/signin' })), `Sign in as ${GA}`);
      expect(page.status).toBe(302);
      const location = new URL(page.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:4000/signin');
      expect(location.searchParams.get('code')).toMatch(/^demo-code\./);
      expect(location.searchParams.get('state')).toBe('state-1');
    });
  });

  describe('the token endpoint', () => {
    it('exchanges the code once, with the PKCE verifier, for tokens naming the user, the tenant and the nonce', async () => {
      const { code, verifier } = await codeFor(GA, { nonce: 'the-nonce' });
      const { status, body } = await redeem(code, verifier);
      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
      expect(String(body.scope).split(' ')).toEqual(expect.arrayContaining(['User.Read', 'openid', 'profile']));
      expect(body.access_token).toEqual(expect.any(String));
      expect(body.refresh_token).toEqual(expect.any(String));
      const admin = tenant.signInUser(GA)!;
      const idToken = String(body.id_token);
      expect(jwtHeader(idToken)).toEqual({ alg: 'none', typ: 'JWT' });
      expect(idToken.endsWith('.')).toBe(true);
      const claims = jwtClaims(idToken);
      expect(claims).toMatchObject({ aud: tenant.clientId, iss: `${host}/${tid}/v2.0`, tid, oid: admin.id, preferred_username: GA, name: admin.displayName, nonce: 'the-nonce', ver: '2.0' });
      expect(claims.sub).toEqual(expect.any(String));
      expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
      expect(JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString())).toEqual({ uid: admin.id, utid: tid });

      const again = await redeem(code, verifier);
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
      expect(again.body).toHaveProperty('trace_id');
      expect(again.body).toHaveProperty('correlation_id');
      expect(again.body).toHaveProperty('timestamp');
    });

    it('takes a code by the domain path too', async () => {
      const { code, verifier } = await codeFor(GA);
      const answer = await postToken(host, tenant.data.tenantDomain, { grant_type: 'authorization_code', client_id: tenant.clientId, code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: verifier, scope: 'User.Read openid' });
      expect(answer.status).toBe(200);
    });

    it('refuses a missing verifier (the code stays usable), then a forged one (the code is then spent)', async () => {
      const { code, verifier } = await codeFor(GA);
      const noVerifier = await postToken(host, tid, { grant_type: 'authorization_code', client_id: tenant.clientId, code, redirect_uri: LOOPBACK_REDIRECT });
      expect(noVerifier).toMatchObject({ status: 400, body: { error: 'invalid_request', error_codes: [900144] } });
      const forged = await redeem(code, pkce().verifier);
      expect(forged).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_codes: [501481] } });
      expect((await redeem(code, verifier)).body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });

      const second = await codeFor(GA);
      for (const bad of ['', 'x', verifier.slice(0, 42), `${second.verifier}=`, 'é'.repeat(50)]) {
        const other = await codeFor(GA);
        expect((await redeem(other.code, bad || 'missing')).body.error_codes, bad).toEqual([501481]);
      }
      expect((await redeem(second.code, second.verifier)).status).toBe(200);
    });

    it('binds the code to its redirect URI and client, and refuses unknown or oversize codes', async () => {
      const first = await codeFor(GA);
      expect((await redeem(first.code, first.verifier, { redirect_uri: 'http://localhost:9999' })).body).toMatchObject({ error: 'invalid_grant', error_codes: [500112] });
      const second = await codeFor(GA);
      expect(await redeem(second.code, second.verifier, { client_id: '11111111-2222-4333-8444-555555555555' })).toMatchObject({ status: 400, body: { error: 'unauthorized_client', error_codes: [700016] } });
      expect((await redeem(second.code, second.verifier)).status).toBe(200);
      for (const code of ['not-a-code', `demo-code.${'A'.repeat(43)}`, 'x'.repeat(60_000), "'; DROP TABLE codes; --"]) {
        expect((await redeem(code, first.verifier)).body, code.slice(0, 20)).toMatchObject({ error: 'invalid_grant', error_codes: [9002313] });
      }
      const huge = await postToken(host, tid, { grant_type: 'authorization_code', client_id: tenant.clientId, code: 'x'.repeat(70_000) });
      expect(huge).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    });

    it('lets a code expire after 10 minutes', async () => {
      const fresh = await codeFor(GA);
      const stale = await codeFor(GA);
      const issuedAt = Date.now();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(issuedAt + CODE_LIFETIME_MS - 5_000);
      expect((await redeem(fresh.code, fresh.verifier)).status).toBe(200);
      vi.setSystemTime(issuedAt + CODE_LIFETIME_MS + 1_000);
      expect((await redeem(stale.code, stale.verifier)).body).toMatchObject({ error: 'invalid_grant', error_codes: [70008] });
    });

    it('rotates the refresh token: the new one works, the old one is refused with bad_token', async () => {
      const { code, verifier } = await codeFor(GA);
      const first = String((await redeem(code, verifier)).body.refresh_token);
      const refresh = (token: string, scope = 'User.Read openid profile offline_access') => postToken(host, tid, { grant_type: 'refresh_token', client_id: tenant.clientId, refresh_token: token, scope, client_info: '1' });
      const renewed = await refresh(first);
      expect(renewed.status).toBe(200);
      const second = String(renewed.body.refresh_token);
      expect(second).not.toBe(first);
      expect(jwtClaims(String(renewed.body.id_token))).not.toHaveProperty('nonce');
      expect((await refresh(first)).body).toMatchObject({ error: 'invalid_grant', suberror: 'bad_token' });
      expect((await refresh(second)).status).toBe(200);
      expect((await refresh('forged-refresh-token')).body).toMatchObject({ error: 'invalid_grant', suberror: 'bad_token' });
      expect((await refresh(second, 'Mail.Send')).body).toMatchObject({ error: 'invalid_scope' });
    });

    it('refuses other grants, methods, bodies and repeated parameters in Entra\'s error shape', async () => {
      expect((await postToken(host, tid, { grant_type: 'password', client_id: tenant.clientId, username: GA, password: 'demo' })).body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
      expect((await postToken(host, tid, { client_id: tenant.clientId })).body).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
      const get = await fetch(`${host}/${tid}/oauth2/v2.0/token`);
      expect(get.status).toBe(400);
      expect(((await get.json()) as { error_codes: number[] }).error_codes).toEqual([900561]);
      const json = await fetch(`${host}/${tid}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' });
      expect(json.status).toBe(400);
      const repeated = await fetch(`${host}/${tid}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=authorization_code&client_id=${tenant.clientId}&code=a&code=b` });
      expect(((await repeated.json()) as { error_codes: number[] }).error_codes).toEqual([90100]);
    });

    it('keeps client credentials at both token URLs: the secret must match, the scope must be .default', async () => {
      for (const tokenUrl of [served.credentials.tokenUrl, `${host}/${tid}/oauth2/v2.0/token`]) {
        const ask = (form: Record<string, string>) => fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: tenant.clientId, ...form }).toString() });
        expect((await ask({ client_secret: tenant.clientSecret, scope: 'https://graph.microsoft.com/.default' })).status).toBe(200);
        const wrong = await ask({ client_secret: 'wrong-secret', scope: 'https://graph.microsoft.com/.default' });
        expect(wrong.status).toBe(401);
        const text = await wrong.text();
        expect(text).toContain('AADSTS7000215');
        expect(text).not.toContain('wrong-secret');
        expect(((await (await ask({ client_secret: tenant.clientSecret, scope: 'User.Read' })).json()) as { error: string }).error).toBe('invalid_scope');
      }
    });
  });

  describe('logout', () => {
    it('goes back to a loopback post_logout_redirect_uri only', async () => {
      const back = await fetch(`${host}/${tid}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost:5000/')}`, { redirect: 'manual' });
      expect(back.status).toBe(302);
      expect(back.headers.get('location')).toBe('http://localhost:5000/');
      const stay = await fetch(`${host}/${tid}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual' });
      expect(stay.status).toBe(200);
    });
  });
});
