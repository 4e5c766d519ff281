// App-only sign-in with a certificate against the demo tenant served over loopback:
// real msal-node client assertions are taken, and every kind of bad assertion is
// refused with the AADSTS code Entra ID answers it with.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { msalAuthOptions } from '../../electron/auth/msal-authority';
import { JWT_BEARER, MAX_ASSERTION_CHARS, verifyClientAssertion } from '../../electron/demo-tenant/client-assertion';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { PROJECT_ROOT } from '../../electron/host/project-paths';
import { postToken, type TokenAnswer } from '../support/demo-identity-http';
import { selfSignedCertificate, type SelfSignedCertificate } from '../support/self-signed-certificate';
import { makeTempDir } from '../support/temp-dir';
import { firstLine } from '../support/first-line';

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

type Claims = Record<string, unknown>;
type Header = Record<string, unknown>;

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const x5tS256 = (certificate: SelfSignedCertificate): string => Buffer.from(certificate.thumbprintSha256, 'hex').toString('base64url');
const sha1Thumbprint = (certificate: SelfSignedCertificate): string => new crypto.X509Certificate(certificate.certificatePem).fingerprint.replaceAll(':', '');

/** A JWT signed the way msal signs one (PS256, or RS256), with any header and claims. */
function signedJwt(header: Header, claims: Claims, privateKeyPem: string): string {
  const input = `${part(header)}.${part(claims)}`;
  const key = crypto.createPrivateKey(privateKeyPem);
  const signature =
    header.alg === 'RS256'
      ? crypto.sign('sha256', Buffer.from(input), key)
      : crypto.sign('sha256', Buffer.from(input), { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${input}.${signature.toString('base64url')}`;
}

/** The code list of an Entra error answer. */
const codes = (answer: TokenAnswer): unknown => answer.body.error_codes;

function outcomeOf<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('client credentials with a certificate (private_key_jwt) against the served demo tenant', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let tid: string;
  let registered: SelfSignedCertificate;
  let unregistered: SelfSignedCertificate;
  let audience: string;

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'client-assertion', devices: 10, speed: 0 });
    served = await serveDemoTenant(tenant);
    tid = tenant.data.tenantId;
    audience = `${served.origin}/${tid}/oauth2/v2.0/token`;
    registered = selfSignedCertificate();
    unregistered = selfSignedCertificate({ subject: '/CN=Not uploaded' });
  });
  afterAll(() => served.close());
  beforeEach(() => {
    for (const { thumbprintSha256 } of tenant.appCertificates.list()) tenant.appCertificates.remove(thumbprintSha256);
    tenant.appCertificates.add(registered.certificatePem);
  });

  function app(clientCertificate: { thumbprintSha256?: string; thumbprint?: string; privateKey: string; x5c?: string }, at: ServedDemoTenant = served, on: DemoTenant = tenant): ConfidentialClientApplication {
    return new ConfidentialClientApplication({ auth: { clientId: on.clientId, ...msalAuthOptions(at.credentials.authorityHost, on.data.tenantId), clientCertificate } });
  }

  const graph = (url: string, token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

  /** Claims as msal writes them, valid now. */
  function claims(overrides: Claims = {}): Claims {
    const now = Math.floor(Date.now() / 1000);
    return { aud: audience, iss: tenant.clientId, sub: tenant.clientId, nbf: now, exp: now + 600, jti: crypto.randomUUID(), ...overrides };
  }

  const header = (overrides: Header = {}): Header => ({ alg: 'PS256', typ: 'JWT', 'x5t#S256': x5tS256(registered), ...overrides });

  function assertionForm(assertion: string, extra: Record<string, string> = {}): Record<string, string> {
    return { grant_type: 'client_credentials', client_id: tenant.clientId, scope: GRAPH_DEFAULT, client_assertion_type: JWT_BEARER, client_assertion: assertion, ...extra };
  }

  const ask = (form: Record<string, string>): Promise<TokenAnswer> => postToken(served.origin, tid, form);

  it('gives msal-node an app-only token for a SHA-256 thumbprint with x5c, which Graph takes; the same assertion again is fine', async () => {
    const cca = app({ thumbprintSha256: registered.thumbprintSha256, privateKey: registered.privateKeyPem, x5c: registered.certificatePem });
    const first = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
    expect(first?.accessToken).toBeTruthy();
    expect((await graph(`${served.credentials.graphBaseUrl}/organization`, first!.accessToken)).status).toBe(200);
    expect((await graph(`${served.credentials.graphBaseUrl}/deviceManagement/managedDevices?$top=1`, first!.accessToken)).status).toBe(200);

    // msal signs one assertion per ten minutes and sends it again: a repeated jti is not a replay to refuse.
    const again = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT], skipCache: true });
    expect(again?.accessToken).toBeTruthy();
    expect((await graph(`${served.credentials.graphBaseUrl}/organization`, again!.accessToken)).status).toBe(200);
  });

  it('takes the legacy SHA-1 thumbprint (RS256, x5t) too', async () => {
    const result = await app({ thumbprint: sha1Thumbprint(registered), privateKey: registered.privateKeyPem }).acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
    expect((await graph(`${served.credentials.graphBaseUrl}/organization`, result!.accessToken)).status).toBe(200);
  });

  it('refuses msal-node signing with a certificate that was never uploaded, or was removed, with AADSTS700027', async () => {
    const stranger = await outcomeOf(app({ thumbprintSha256: unregistered.thumbprintSha256, privateKey: unregistered.privateKeyPem }).acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] }));
    expect('error' in stranger && String(stranger.error)).toMatch(/AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application\. \[Reason - The key was not found\./);
    expect('error' in stranger && String(stranger.error)).toContain(unregistered.thumbprintSha256);

    expect(tenant.appCertificates.remove(registered.thumbprintSha256.toLowerCase())).toBe(true);
    expect(tenant.appCertificates.list()).toEqual([]);
    const removed = await outcomeOf(app({ thumbprintSha256: registered.thumbprintSha256, privateKey: registered.privateKeyPem }).acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] }));
    expect('error' in removed && String(removed.error)).toContain('AADSTS700027');
  });

  it('takes a well-made assertion of its own, PS256 or RS256, at both token URLs', async () => {
    expect((await ask(assertionForm(signedJwt(header(), claims(), registered.privateKeyPem)))).status).toBe(200);
    expect((await ask(assertionForm(signedJwt(header({ alg: 'RS256' }), claims(), registered.privateKeyPem)))).status).toBe(200);
    const legacy = header({ alg: 'RS256', 'x5t#S256': undefined, x5t: Buffer.from(sha1Thumbprint(registered), 'hex').toString('base64url') });
    expect((await ask(assertionForm(signedJwt(legacy, claims(), registered.privateKeyPem)))).status).toBe(200);

    const loginUrl = served.credentials.tokenUrl;
    const atLogin = await fetch(loginUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(assertionForm(signedJwt(header(), claims({ aud: loginUrl }), registered.privateKeyPem))).toString() });
    expect(atLogin.status).toBe(200);
    const wrongAudAtLogin = await fetch(loginUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(assertionForm(signedJwt(header(), claims(), registered.privateKeyPem))).toString() });
    expect(((await wrongAudAtLogin.json()) as { error_codes: number[] }).error_codes).toEqual([700023]);
  });

  it('refuses a signature that does not verify with the registered key: another key, a tampered signature, tampered claims', async () => {
    const otherKey = await ask(assertionForm(signedJwt(header(), claims(), unregistered.privateKeyPem)));
    expect(otherKey.status).toBe(401);
    expect(otherKey.body.error).toBe('invalid_client');
    expect(codes(otherKey)).toEqual([700027]);
    expect(otherKey.body.error_description).toMatch(/^AADSTS700027: Client assertion contains an invalid signature\. \[Reason - The provided signature value did not match the expected signature value\./);

    const good = signedJwt(header(), claims(), registered.privateKeyPem);
    const [h, p, s] = good.split('.') as [string, string, string];
    const middle = Math.floor(s.length / 2);
    const flipped = `${h}.${p}.${s.slice(0, middle)}${s[middle] === 'A' ? 'B' : 'A'}${s.slice(middle + 1)}`;
    expect(codes(await ask(assertionForm(flipped)))).toEqual([700027]);
    const otherClaims = `${h}.${part(claims({ jti: 'another' }))}.${s}`;
    expect(codes(await ask(assertionForm(otherClaims)))).toEqual([700027]);
    const noKeyNamed = await ask(assertionForm(signedJwt(header({ 'x5t#S256': undefined }), claims(), registered.privateKeyPem)));
    expect(codes(noKeyNamed)).toEqual([700027]);
  });

  it('refuses any algorithm but RS256 and PS256: none, HS256, ES256', async () => {
    const unsigned = `${part(header({ alg: 'none' }))}.${part(claims())}.`;
    const hs256Input = `${part(header({ alg: 'HS256' }))}.${part(claims())}`;
    const hs256 = `${hs256Input}.${crypto.createHmac('sha256', tenant.clientSecret).update(hs256Input).digest('base64url')}`;
    const es256 = `${part(header({ alg: 'ES256' }))}.${part(claims())}.${Buffer.alloc(64, 1).toString('base64url')}`;
    for (const assertion of [unsigned, hs256, es256]) {
      const answer = await ask(assertionForm(assertion));
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
      expect(codes(answer)).toEqual([5002730]);
    }
  });

  it('refuses claims that do not fit: the audience, the issuer, the subject', async () => {
    const wrongAud = await ask(assertionForm(signedJwt(header(), claims({ aud: `https://login.microsoftonline.com/${tid}/oauth2/v2.0/token` }), registered.privateKeyPem)));
    expect(wrongAud.status).toBe(401);
    expect(codes(wrongAud)).toEqual([700023]);
    expect(wrongAud.body.error_description).toMatch(/^AADSTS700023: Client assertion audience claim does not match Realm issuer\./);
    expect(codes(await ask(assertionForm(signedJwt(header(), claims({ aud: [audience] }), registered.privateKeyPem))))).toEqual([700023]);

    const otherApp = crypto.randomUUID();
    const wrongIss = await ask(assertionForm(signedJwt(header(), claims({ iss: otherApp, sub: otherApp }), registered.privateKeyPem)));
    expect(wrongIss.status).toBe(401);
    expect(codes(wrongIss)).toEqual([700021]);
    expect(wrongIss.body.error_description).toMatch(/^AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter\./);
    expect(codes(await ask(assertionForm(signedJwt(header(), claims({ sub: otherApp }), registered.privateKeyPem))))).toEqual([50048]);
  });

  it('judges exp and nbf on the wall clock with five minutes of skew, whatever the demo clock says', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await ask(assertionForm(signedJwt(header(), claims({ nbf: now - 4000, exp: now - 3600 }), registered.privateKeyPem)));
    expect(expired.status).toBe(401);
    expect(codes(expired)).toEqual([700024]);
    expect(expired.body.error_description).toMatch(/^AADSTS700024: Client assertion is not within its valid time range\. Current time: \d{4}-\d\d-\d\dT[\d:.]+Z, assertion valid from /);
    expect(codes(await ask(assertionForm(signedJwt(header(), claims({ nbf: now + 3600, exp: now + 4200 }), registered.privateKeyPem))))).toEqual([700024]);
    expect((await ask(assertionForm(signedJwt(header(), claims({ nbf: now - 900, exp: now - 60 }), registered.privateKeyPem)))).status).toBe(200);
    expect((await ask(assertionForm(signedJwt(header(), claims({ nbf: now + 60 }), registered.privateKeyPem)))).status).toBe(200);
    expect(codes(await ask(assertionForm(signedJwt(header(), claims({ exp: 'tomorrow' }), registered.privateKeyPem))))).toEqual([50027]);

    // The demo tenant's own clock is frozen at its story's start (speed 0); the assertion is still judged on real time.
    expect(Math.abs(tenant.clock.now() - Date.now())).toBeGreaterThan(86_400_000);
  });

  it('wants exactly one client credential: both is invalid_request, neither is AADSTS7000218', async () => {
    const assertion = signedJwt(header(), claims(), registered.privateKeyPem);
    const both = await ask(assertionForm(assertion, { client_secret: tenant.clientSecret }));
    expect(both.status).toBe(400);
    expect(both.body.error).toBe('invalid_request');
    expect(codes(both)).toEqual([9002313]);

    const neither = await ask({ grant_type: 'client_credentials', client_id: tenant.clientId, scope: GRAPH_DEFAULT });
    expect(neither.status).toBe(401);
    expect(neither.body.error).toBe('invalid_client');
    expect(codes(neither)).toEqual([7000218]);
    expect(neither.body.error_description).toMatch(/^AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'\./);

    const { client_assertion_type: _type, ...withoutType } = assertionForm(assertion);
    expect(codes(await ask(withoutType))).toEqual([900144]);
    const { client_assertion: _assertion, ...typeOnly } = assertionForm(assertion);
    expect(codes(await ask(typeOnly))).toEqual([900144]);
    expect(codes(await ask(assertionForm(assertion, { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' })))).toEqual([90011]);
    // The secret alone still works.
    expect((await ask({ grant_type: 'client_credentials', client_id: tenant.clientId, scope: GRAPH_DEFAULT, client_secret: tenant.clientSecret })).status).toBe(200);
  });

  it('refuses an oversize or malformed assertion with AADSTS50027, never a server error', async () => {
    const good = signedJwt(header(), claims(), registered.privateKeyPem);
    const oversize = signedJwt(header(), claims({ pad: 'x'.repeat(MAX_ASSERTION_CHARS) }), registered.privateKeyPem);
    const badUtf8 = `${Buffer.from([0xff, 0xfe, 0x7b, 0x7d]).toString('base64url')}.${part(claims())}.${good.split('.')[2]!}`;
    const surrogateBytes = Buffer.concat([Buffer.from('{"alg":"PS256","x5t#S256":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const loneSurrogate = `${surrogateBytes.toString('base64url')}.${part(claims())}.${good.split('.')[2]!}`;
    const malformed = ['!!!.@@@.###', 'a.b', 'not-a-jwt', `${good}.extra`, `${part('just a string')}.${part(claims())}.sig`, `${part(header())}.${part([1, 2])}.sig`, `${part(header())}.${Buffer.from('{not json').toString('base64url')}.sig`, `${part(header())}.${part(claims())}.sig+/=`, badUtf8, loneSurrogate, oversize];
    for (const assertion of malformed) {
      const answer = await ask(assertionForm(assertion));
      expect(answer.status, assertion.slice(0, 40)).toBe(400);
      expect(answer.body.error, assertion.slice(0, 40)).toBe('invalid_request');
      expect(codes(answer), assertion.slice(0, 40)).toEqual([50027]);
    }
  });

  it('announces private_key_jwt with RS256 and PS256 in the OpenID configuration', async () => {
    const config = (await (await fetch(`${served.origin}/${tid}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(config.token_endpoint_auth_methods_supported).toContain('client_secret_post');
    expect(config.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS256', 'PS256']);
  });
});

describe('a client assertion and the certificate validity', () => {
  it('refuses a certificate outside its validity with AADSTS700027, judged on the clock it is given', () => {
    const tenant = createDemoTenant({ seed: 'certificate-validity', devices: 10, speed: 0 });
    const certificate = selfSignedCertificate({ days: 1 });
    const { notAfter } = tenant.appCertificates.add(certificate.certificatePem);
    const audience = 'http://127.0.0.1:1/t/oauth2/v2.0/token';
    const at = (ms: number) => {
      const seconds = Math.floor(ms / 1000);
      const assertion = signedJwt({ alg: 'PS256', 'x5t#S256': x5tS256(certificate) }, { aud: audience, iss: tenant.clientId, sub: tenant.clientId, nbf: seconds, exp: seconds + 600 }, certificate.privateKeyPem);
      return verifyClientAssertion({ assertionType: JWT_BEARER, assertion, clientId: tenant.clientId, certificates: tenant.appCertificates, audience, now: ms });
    };
    expect(at(Date.now()).ok).toBe(true);
    const later = at(Date.parse(notAfter) + 86_400_000);
    expect(later.ok).toBe(false);
    expect(!later.ok && later.refusal).toMatchObject({ status: 401, error: 'invalid_client', code: 700027, message: expect.stringContaining('Reason - The key used is expired.') as unknown });
    const earlier = at(Date.now() - 3 * 86_400_000);
    expect(!earlier.ok && earlier.refusal).toMatchObject({ code: 700027, message: expect.stringContaining('not yet valid') as unknown });
  });
});

describe("the app registration's certificates", () => {
  it('takes the certificate of a PEM that also holds the key, and refuses non-RSA and short RSA keys saying why', () => {
    const tenant = createDemoTenant({ seed: 'app-certificates', devices: 10, speed: 0 });
    const both = selfSignedCertificate({ days: 30 });
    const added = tenant.appCertificates.add(both.pem);
    expect(added.thumbprintSha256).toBe(both.thumbprintSha256);
    expect(added.thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(Date.parse(added.notAfter) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(tenant.appCertificates.list()).toEqual([expect.objectContaining({ thumbprintSha256: both.thumbprintSha256, notAfter: added.notAfter })]);

    expect(() => tenant.appCertificates.add(selfSignedCertificate({ key: 'ecP256' }).certificatePem)).toThrow(/key is EC: Entra ID takes RSA keys only/);
    expect(() => tenant.appCertificates.add(selfSignedCertificate({ key: 'rsa1024' }).certificatePem)).toThrow(/RSA key has 1024 bits: Entra ID takes 2048 bits or more/);
    expect(() => tenant.appCertificates.add(both.privateKeyPem)).toThrow(/no PEM CERTIFICATE block/);
    expect(() => tenant.appCertificates.add('-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n')).toThrow(/not a readable X\.509 certificate/);
    expect(tenant.appCertificates.list()).toHaveLength(1);
  });
});

describe('npm run demo-tenant -- --app-certificate', () => {
  let temp: { dir: string; cleanup: () => void };
  beforeAll(() => {
    temp = makeTempDir('mtd-app-cert-');
  });
  afterAll(() => temp.cleanup());

  const cli = (file: string) => spawn(process.execPath, ['--import', 'tsx', 'electron/demo-tenant/cli.ts', '--devices', '10', '--port', '0', '--seed', 'cli-certificate', '--app-certificate', file], { cwd: PROJECT_ROOT });

  it('uploads the certificate at start, prints its thumbprint, and msal-node signs in with it', async () => {
    const certificate = selfSignedCertificate();
    const file = path.join(temp.dir, 'app.pem');
    fs.writeFileSync(file, certificate.pem);
    const child = cli(file);
    const line = await firstLine(child);
    try {
      expect(line).toMatch(/^DEMO_TENANT \{/);
      const info = JSON.parse(line.slice('DEMO_TENANT '.length)) as { appCertificateThumbprint: string; authorityHost: string; tenantId: string; clientId: string; graphBaseUrl: string };
      expect(info.appCertificateThumbprint).toBe(certificate.thumbprintSha256);
      const cca = new ConfidentialClientApplication({ auth: { clientId: info.clientId, ...msalAuthOptions(info.authorityHost, info.tenantId), clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } } });
      const result = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
      expect((await fetch(`${info.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${result!.accessToken}` } })).status).toBe(200);
    } finally {
      child.kill();
    }
  });

  it('ends with exit code 1 and one line naming --app-certificate for a file it cannot use', async () => {
    const notPem = path.join(temp.dir, 'notes.txt');
    fs.writeFileSync(notPem, 'not a certificate\n');
    const ec = path.join(temp.dir, 'ec.pem');
    fs.writeFileSync(ec, selfSignedCertificate({ key: 'ecP256' }).pem);
    for (const file of [notPem, ec, path.join(temp.dir, 'missing.pem'), temp.dir]) {
      const child = cli(file);
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, file).toBe(1);
      expect(out, file).toBe('');
      expect(err.trim().split('\n'), file).toHaveLength(1);
      expect(err, file).toMatch(/^--app-certificate: /);
    }
  });
});
