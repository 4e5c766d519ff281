// The v2 admin consent endpoint (as login.microsoftonline.com/{tenant}/v2.0/adminconsent):
// pick an account, and a Global Administrator (or Privileged Role Administrator)
// accepts the app's permissions for the whole tenant. The answer always goes back
// as a GET to the redirect URI with admin_consent=True, errors included.
import { checkClient, redirectedError, type TrustedClient } from './authorize-request';
import type { DemoTenantState } from './demo-tenant-state';
import { canGrantAdminConsent } from './directory-roles';
import { APP_DISPLAY_NAME, NEEDS_ADMIN_APPROVAL, USER_DECLINED } from './entra-errors';
import { readFormBody } from './form-body';
import { accountPickerPage, answerApp, errorPage, permissionsRequestedPage } from './identity-pages';
import { APP_DELEGATED_SCOPES, APP_ROLES, isScopeProblem, parseScopes } from './permission-catalog';

export async function handleAdminConsent(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  let params: URLSearchParams;
  if (request.method === 'GET') params = url.searchParams;
  else if (request.method === 'POST') {
    const body = await readFormBody(request);
    if (!body.ok) return errorPage(body.reason === 'too-large' ? 413 : 415, 'AADSTS90015: The consent form could not be read.', tenant.displayName);
    params = body.form;
  } else return errorPage(405, 'AADSTS900561: The endpoint only accepts GET and POST requests.', tenant.displayName);

  const checked = checkClient(tenant, params);
  if (!checked.ok) return 'page' in checked ? checked.page : toApp(checked.redirect.redirectUri, checked.redirect.fields);
  const client = checked.value;
  const fail = (error: string, description: string) => {
    const { redirect } = redirectedError(client, 'query', error, description, { admin_consent: 'True' });
    return toApp(redirect.redirectUri, redirect.fields);
  };
  const scope = client.fields.scope;
  const scopes = parseScopes(scope ?? null);
  if (isScopeProblem(scopes)) return fail(scopes.error, `AADSTS${scopes.code}: ${scopes.message}`);

  if (request.method === 'GET') return picker(tenant, url, client);
  if (params.has('cancel') || params.get('decision') === 'cancel') return fail('access_denied', USER_DECLINED);
  const upn = params.get('login') ?? '';
  const user = tenant.signInUser(upn);
  if (!user) return picker(tenant, url, client, `AADSTS50034: The user account ${upn.slice(0, 100)} does not exist in the ${tenant.displayName} directory.`);
  if (!canGrantAdminConsent(user)) return fail('consent_required', NEEDS_ADMIN_APPROVAL);
  if (params.get('decision') !== 'accept') {
    return permissionsRequestedPage({
      tenantName: tenant.displayName,
      userPrincipalName: user.userPrincipalName,
      appName: APP_DISPLAY_NAME,
      action: url.pathname,
      fields: { ...client.fields, login: user.userPrincipalName },
      delegated: [...APP_DELEGATED_SCOPES],
      application: [...APP_ROLES],
      redirectUri: client.redirectUri,
    });
  }
  tenant.grantConsent(user.userPrincipalName);
  return toApp(client.redirectUri, { admin_consent: 'True', tenant: tenant.data.tenantId, scope: scope!, ...(client.state === undefined ? {} : { state: client.state }) });
}

function toApp(redirectUri: string, fields: Record<string, string>): Response {
  return answerApp(redirectUri, 'query', fields);
}

function picker(tenant: DemoTenantState, url: URL, client: TrustedClient, notice?: string): Response {
  return accountPickerPage({
    title: 'Sign in to your account',
    intro: `${APP_DISPLAY_NAME} asks an administrator to grant it permissions for ${tenant.displayName}. Sign in with an administrator account.`,
    tenantName: tenant.displayName,
    action: url.pathname,
    fields: client.fields,
    users: tenant.signInUsers(),
    redirectUri: client.redirectUri,
    ...(notice === undefined ? {} : { notice }),
  });
}
