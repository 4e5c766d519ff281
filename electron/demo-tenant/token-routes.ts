// The token endpoint (as login.microsoftonline.com/{tenant}/oauth2/v2.0/token): the
// authorization code with PKCE, the rotating refresh token, and client credentials
// (with the client secret or a certificate's client assertion).
import crypto from 'node:crypto';
import { authenticateClient, sameText, type ClientCredentialParameters } from './client-authentication';
import type { DemoTenantState } from './demo-tenant-state';
import { consentRequiredMessage, entraError, unknownClientMessage } from './entra-errors';
import { readFormBody } from './form-body';
import { json } from './graph-responses';
import { clientInfo, idToken } from './id-token';
import { APP_ROLES, grantedScopeString, GRAPH_DEFAULT_SCOPE, isScopeProblem, parseScopes, requestedGraphScopes, scopesWithoutConsent, type ScopeRequest } from './permission-catalog';
import type { DemoUser } from './tenant-model';

const PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'client_assertion', 'client_assertion_type', 'code', 'redirect_uri', 'code_verifier', 'refresh_token', 'scope'] as const;
type TokenParameters = Record<(typeof PARAMETERS)[number], string | null>;

const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

const missing = (name: string): Response => entraError({ status: 400, error: 'invalid_request', code: 900144, message: `The request body must contain the following parameter: '${name}'.` });
const invalidGrant = (code: number, message: string, suberror?: string): Response => entraError({ status: 400, error: 'invalid_grant', code, message, ...(suberror ? { suberror } : {}) });

/** One value, or null when missing; a repeated parameter is ambiguous and refused. */
function single(form: URLSearchParams, name: string): string | null | 'repeated' {
  const values = form.getAll(name);
  if (values.length > 1) return 'repeated';
  return values[0] ? values[0] : null;
}

export async function handleToken(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  if (request.method !== 'POST') return entraError({ status: 400, error: 'invalid_request', code: 900561, message: `The endpoint only accepts POST, OPTIONS requests. Received a ${request.method.slice(0, 10)} request.` });
  const body = await readFormBody(request);
  if (!body.ok) {
    return entraError({ status: 400, error: 'invalid_request', code: 900144, message: body.reason === 'too-large' ? 'The request body is too large.' : 'The request body must be application/x-www-form-urlencoded.' });
  }
  const form = body.form;
  const read = {} as TokenParameters;
  for (const name of PARAMETERS) {
    const value = single(form, name);
    if (value === 'repeated') return entraError({ status: 400, error: 'invalid_request', code: 90100, message: `The '${name}' parameter is repeated.` });
    read[name] = value;
  }
  const grant = read.grant_type;
  if (!grant) return missing('grant_type');
  const clientId = read.client_id;
  if (!clientId) return missing('client_id');
  if (clientId.toLowerCase() !== tenant.clientId) return entraError({ status: 400, error: 'unauthorized_client', code: 700016, message: unknownClientMessage(clientId, tenant.displayName) });
  switch (grant) {
    case 'authorization_code':
      return authorizationCode(tenant, url, read);
    case 'refresh_token':
      return refreshToken(tenant, url, read);
    case 'client_credentials':
      return clientCredentials(tenant, url, { secret: read.client_secret, assertion: read.client_assertion, assertionType: read.client_assertion_type }, read.scope);
    default:
      return entraError({ status: 400, error: 'unsupported_grant_type', code: 70003, message: `The app requested an unsupported grant type '${grant.slice(0, 60)}'.` });
  }
}

function authorizationCode(tenant: DemoTenantState, url: URL, read: TokenParameters): Response {
  const { code, redirect_uri: redirectUri, code_verifier: verifier } = read;
  if (!code) return missing('code');
  if (!redirectUri) return missing('redirect_uri');
  if (!verifier) return missing('code_verifier');
  const redeemed = tenant.identity.redeemCode(code);
  if (!redeemed.ok) {
    if (redeemed.reason === 'used') return invalidGrant(54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    if (redeemed.reason === 'expired') return invalidGrant(70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
    return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid: the authorization code is not valid.');
  }
  const { grant } = redeemed;
  if (grant.clientId !== tenant.clientId) return invalidGrant(70000, 'Provided grant is invalid or malformed: it was issued to another application.');
  if (redirectUri !== grant.redirectUri) {
    return invalidGrant(500112, `The reply address '${redirectUri.slice(0, 200)}' does not match the reply address '${grant.redirectUri}' provided when requesting Authorization code.`);
  }
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  if (!CODE_VERIFIER.test(verifier) || !sameText(challenge, grant.codeChallenge)) {
    return invalidGrant(501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
  }
  const user = tenant.usersById.get(grant.userId);
  if (!user) return invalidGrant(50034, 'The user account does not exist in the directory.');
  return tokenAnswer(tenant, url, user, grant.scopes, grant.nonce);
}

function refreshToken(tenant: DemoTenantState, url: URL, read: TokenParameters): Response {
  const token = read.refresh_token;
  if (!token) return missing('refresh_token');
  const scopes = parseScopes(read.scope);
  if (isScopeProblem(scopes)) return entraError({ status: 400, error: scopes.error, code: scopes.code, message: scopes.message });
  // bad_token: msal then asks for an interactive sign-in instead of retrying.
  const found = tenant.identity.peekRefreshToken(token);
  if (!found.ok) {
    if (found.reason === 'used') return invalidGrant(70000, 'Provided grant is invalid or malformed: the refresh token was already used.', 'bad_token');
    if (found.reason === 'expired') return invalidGrant(700082, 'The refresh token has expired due to inactivity.', 'bad_token');
    return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid: the refresh token is not valid.', 'bad_token');
  }
  if (found.grant.clientId !== tenant.clientId) return invalidGrant(70000, 'Provided grant is invalid or malformed: it was issued to another application.', 'bad_token');
  const user = tenant.usersById.get(found.grant.userId);
  if (!user) return invalidGrant(50034, 'The user account does not exist in the directory.', 'bad_token');
  // Refused for consent, the refresh token stays usable: once an admin consents, the same one works.
  if (scopesWithoutConsent(scopes, tenant.consent.granted).length > 0) return invalidGrant(65001, consentRequiredMessage(tenant.clientId), 'consent_required');
  const rotated = tenant.identity.rotateRefreshToken(token);
  if (!rotated.ok) return invalidGrant(70000, 'Provided grant is invalid or malformed: the refresh token was already used.', 'bad_token');
  return tokenAnswer(tenant, url, user, scopes, undefined, rotated.next);
}

function tokenAnswer(tenant: DemoTenantState, url: URL, user: DemoUser, scopes: ScopeRequest, nonce: string | undefined, refresh?: string): Response {
  const tid = tenant.data.tenantId;
  const access = tenant.tokens.issue({ audience: 'graph', subject: user.id, kind: 'user', scopes: requestedGraphScopes(scopes) }, ACCESS_TOKEN_LIFETIME_SECONDS);
  const wantsRefresh = scopes.oidc.includes('offline_access');
  return json(200, {
    token_type: 'Bearer',
    scope: grantedScopeString(scopes),
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
    ...(wantsRefresh ? { refresh_token: refresh ?? tenant.identity.issueRefreshToken({ clientId: tenant.clientId, userId: user.id }) } : {}),
    ...(scopes.oidc.includes('openid') ? { id_token: idToken({ issuer: `${url.origin}/${tid}/v2.0`, clientId: tenant.clientId, tenantId: tid, user, ...(nonce === undefined ? {} : { nonce }) }) } : {}),
    client_info: clientInfo(user.id, tid),
  });
}

/** The app's own token, for its application permissions. `url` is the token endpoint as requested. */
export function clientCredentials(tenant: DemoTenantState, url: URL, credential: ClientCredentialParameters, scope: string | null): Response {
  const refusal = authenticateClient(tenant, url, credential);
  if (refusal) return entraError(refusal);
  if (scope !== null && scope.toLowerCase() !== GRAPH_DEFAULT_SCOPE) {
    return entraError({ status: 400, error: 'invalid_scope', code: 1002012, message: `The provided value for scope ${scope.slice(0, 100)} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).` });
  }
  const issued = tenant.tokens.issue({ audience: 'graph', subject: tenant.clientId, kind: 'app', roles: [...APP_ROLES] });
  return json(200, { token_type: 'Bearer', expires_in: issued.expiresIn, ext_expires_in: issued.expiresIn, access_token: issued.token });
}
