// The authorization endpoint (as login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize):
// a GET shows the account picker, the picker posts back the choice, and the answer
// (a one-time code, or an error) goes to the app's loopback redirect URI.
import { parseAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import type { DemoTenantState } from './demo-tenant-state';
import { APP_DISPLAY_NAME, NEEDS_ADMIN_APPROVAL, USER_DECLINED } from './entra-errors';
import { readFormBody } from './form-body';
import { accountPickerPage, answerApp, errorPage, needAdminApprovalPage } from './identity-pages';
import { scopesWithoutConsent } from './permission-catalog';

export async function handleAuthorize(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  let params: URLSearchParams;
  if (request.method === 'GET') params = url.searchParams;
  else if (request.method === 'POST') {
    const body = await readFormBody(request);
    if (!body.ok) return errorPage(body.reason === 'too-large' ? 413 : 415, 'AADSTS90015: The sign-in form could not be read.', tenant.displayName);
    params = body.form;
  } else return errorPage(405, 'AADSTS900561: The endpoint only accepts GET and POST requests.', tenant.displayName);

  const parsed = parseAuthorizeRequest(tenant, params);
  if (!parsed.ok) return 'page' in parsed ? parsed.page : answerApp(parsed.redirect.redirectUri, parsed.redirect.responseMode, parsed.redirect.fields);
  const authorize = parsed.value;
  const toApp = (fields: Record<string, string>) => answerApp(authorize.redirectUri, authorize.responseMode, { ...fields, ...(authorize.state === undefined ? {} : { state: authorize.state }) });

  if (request.method === 'GET') return picker(tenant, url, authorize);
  if (params.has('cancel')) return toApp({ error: 'access_denied', error_description: USER_DECLINED });
  const upn = params.get('login') ?? '';
  const user = tenant.signInUser(upn);
  if (!user) return picker(tenant, url, authorize, `AADSTS50034: The user account ${upn.slice(0, 100)} does not exist in the ${tenant.displayName} directory. To sign into this application, the account must be added to the directory.`);
  if (scopesWithoutConsent(authorize.scopes, tenant.consent.granted).length > 0) {
    return needAdminApprovalPage({ tenantName: tenant.displayName, userPrincipalName: user.userPrincipalName, appName: APP_DISPLAY_NAME, description: NEEDS_ADMIN_APPROVAL });
  }
  const code = tenant.identity.issueCode({
    clientId: authorize.clientId,
    redirectUri: authorize.redirectUri,
    codeChallenge: authorize.codeChallenge,
    nonce: authorize.nonce,
    userId: user.id,
    scopes: authorize.scopes,
  });
  return toApp({ code });
}

function picker(tenant: DemoTenantState, url: URL, authorize: AuthorizeRequest, notice?: string): Response {
  const users = tenant.signInUsers();
  const hint = authorize.loginHint;
  // The suggested account comes first, as Entra's picker puts it.
  const ordered = hint === undefined ? users : [...users].sort((a, b) => Number(b.userPrincipalName.toLowerCase() === hint.toLowerCase()) - Number(a.userPrincipalName.toLowerCase() === hint.toLowerCase()));
  return accountPickerPage({
    title: 'Sign in to your account',
    intro: `Pick an account to sign in to ${APP_DISPLAY_NAME}.`,
    tenantName: tenant.displayName,
    action: url.pathname,
    fields: authorize.fields,
    users: ordered,
    redirectUri: authorize.redirectUri,
    ...(hint === undefined ? {} : { hint }),
    ...(notice === undefined ? {} : { notice }),
  });
}
