// The demo tenant's first token endpoint, kept at /login/{tenant}/oauth2/v2.0/token:
// client credentials for the app, and the demo users' password sign-in.
import { DEMO_USER_PASSWORD, type DemoTenantState } from './demo-tenant-state';
import { entraError, unknownClientMessage } from './entra-errors';
import { json } from './graph-responses';
import { clientCredentials } from './token-routes';

/** What the demo sign-in has always been granted: enough to read who signed in and their groups. */
export const PASSWORD_GRANT_SCOPES: readonly string[] = ['User.Read', 'GroupMember.Read.All'];

export async function handleLogin(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  if (url.pathname !== `/login/${tenant.data.tenantId}/oauth2/v2.0/token`) {
    return entraError({ status: 400, error: 'invalid_tenant', code: 90002, message: `Tenant '${(url.pathname.split('/')[2] ?? '').slice(0, 100)}' not found.` });
  }
  if (request.method !== 'POST') return entraError({ status: 400, error: 'invalid_request', code: 900561, message: 'The token endpoint takes POST requests.' });
  const form = new URLSearchParams(await request.text());
  const grant = form.get('grant_type');
  const clientId = form.get('client_id') ?? '';
  if (clientId.toLowerCase() !== tenant.clientId) return entraError({ status: 400, error: 'unauthorized_client', code: 700016, message: unknownClientMessage(clientId, tenant.displayName) });
  if (grant === 'client_credentials') {
    const credential = { secret: form.get('client_secret') || null, assertion: form.get('client_assertion') || null, assertionType: form.get('client_assertion_type') || null };
    return clientCredentials(tenant, url, credential, form.get('scope'));
  }
  if (grant === 'password') {
    // Demo users only: every user of the demo tenant signs in with the documented demo password.
    const user = tenant.data.users.find((u) => u.userPrincipalName.toLowerCase() === (form.get('username') ?? '').toLowerCase());
    if (!user || form.get('password') !== DEMO_USER_PASSWORD) return entraError({ status: 400, error: 'invalid_grant', code: 50126, message: 'Error validating credentials due to invalid username or password.' });
    const issued = tenant.tokens.issue({ audience: 'graph', subject: user.id, kind: 'user', scopes: [...PASSWORD_GRANT_SCOPES] });
    return json(200, { token_type: 'Bearer', scope: PASSWORD_GRANT_SCOPES.join(' '), expires_in: issued.expiresIn, access_token: issued.token });
  }
  return entraError({ status: 400, error: 'unsupported_grant_type', code: 70003, message: `The app requested an unsupported grant type '${(grant ?? '').slice(0, 60)}'.` });
}
