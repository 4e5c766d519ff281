// The demo tenant's OAuth 2.0 token endpoint (as login.microsoftonline.com/{tenant}/oauth2/v2.0/token):
// client credentials for the app, and the demo users' sign-in.
import crypto from 'node:crypto';
import { DEMO_USER_PASSWORD, type DemoTenant } from './demo-tenant';
import { json } from './graph-responses';

function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description, error_codes: [status === 401 ? 7000215 : 900144], timestamp: new Date().toISOString(), trace_id: crypto.randomUUID() });
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export async function handleLogin(tenant: DemoTenant, request: Request, url: URL): Promise<Response> {
  if (url.pathname !== `/login/${tenant.data.tenantId}/oauth2/v2.0/token`) {
    return oauthError(400, 'invalid_tenant', `Tenant '${url.pathname.split('/')[2] ?? ''}' not found.`);
  }
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint takes POST requests.');
  const form = new URLSearchParams(await request.text());
  const grant = form.get('grant_type');
  if (form.get('client_id') !== tenant.clientId) return oauthError(400, 'unauthorized_client', `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory.`);
  if (grant === 'client_credentials') {
    if (!sameSecret(form.get('client_secret') ?? '', tenant.clientSecret)) return oauthError(401, 'invalid_client', 'Invalid client secret provided.');
    const issued = tenant.tokens.issue({ audience: 'graph', subject: tenant.clientId, kind: 'app' });
    return json(200, { token_type: 'Bearer', expires_in: issued.expiresIn, ext_expires_in: issued.expiresIn, access_token: issued.token });
  }
  if (grant === 'password') {
    // Demo users only: every user of the demo tenant signs in with the documented demo password.
    const user = tenant.data.users.find((u) => u.userPrincipalName.toLowerCase() === (form.get('username') ?? '').toLowerCase());
    if (!user || form.get('password') !== DEMO_USER_PASSWORD) return oauthError(400, 'invalid_grant', 'Error validating credentials due to invalid username or password.');
    const issued = tenant.tokens.issue({ audience: 'graph', subject: user.id, kind: 'user' });
    return json(200, { token_type: 'Bearer', scope: 'User.Read GroupMember.Read.All', expires_in: issued.expiresIn, access_token: issued.token });
  }
  return oauthError(400, 'unsupported_grant_type', `The grant type '${grant ?? ''}' is not supported.`);
}
