// The demo tenant as an Entra ID tenant for msal-node: discovery, keys, authorize,
// token, logout and admin consent under /{tenant}/, where {tenant} is the tenant
// id, its verified domain or 'organizations' (msal rewrites that first segment).
import { handleAdminConsent } from './admin-consent-routes';
import { isLoopbackRedirectUri } from './authorize-request';
import { handleAuthorize } from './authorize-routes';
import { SIGNING_ALGORITHMS } from './client-assertion';
import type { DemoTenantState } from './demo-tenant-state';
import { entraError } from './entra-errors';
import { json } from './graph-responses';
import { errorPage, signedOutPage } from './identity-pages';
import { OIDC_SCOPES } from './permission-catalog';
import { handleToken } from './token-routes';

const IDENTITY_PATH = /^\/([^/]{1,256})\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/(?:authorize|token|logout)|v2\.0\/adminconsent)$/;
const HTML_ENDPOINTS = new Set(['oauth2/v2.0/authorize', 'oauth2/v2.0/logout', 'v2.0/adminconsent']);

export function isIdentityPath(pathname: string): boolean {
  return IDENTITY_PATH.test(pathname);
}

/** The tenant as the path names it (lower-cased), or null when it is not this tenant. */
function tenantSegment(tenant: DemoTenantState, raw: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw).toLowerCase();
  } catch {
    return null;
  }
  return segment === tenant.data.tenantId || segment === tenant.data.tenantDomain.toLowerCase() || segment === 'organizations' ? segment : null;
}

export async function handleIdentity(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  const [, rawTenant, endpoint] = IDENTITY_PATH.exec(url.pathname) ?? [];
  if (rawTenant === undefined || endpoint === undefined) return entraError({ status: 400, error: 'invalid_request', code: 900023, message: 'The request path is not an identity endpoint.' });
  const segment = tenantSegment(tenant, rawTenant);
  if (segment === null) {
    const message = `Tenant '${rawTenant.slice(0, 100)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`;
    return HTML_ENDPOINTS.has(endpoint) ? errorPage(400, `AADSTS90002: ${message}`) : entraError({ status: 400, error: 'invalid_tenant', code: 90002, message });
  }
  switch (endpoint) {
    case 'v2.0/.well-known/openid-configuration':
      return json(200, openIdConfiguration(tenant, url.origin, segment));
    case 'discovery/v2.0/keys':
      // msal needs a jwks_uri, never its keys: the demo's ID tokens are unsigned.
      return json(200, { keys: [] });
    case 'oauth2/v2.0/authorize':
      return handleAuthorize(tenant, request, url);
    case 'oauth2/v2.0/token':
      return handleToken(tenant, request, url);
    case 'v2.0/adminconsent':
      return handleAdminConsent(tenant, request, url);
    default:
      return logout(url);
  }
}

function openIdConfiguration(tenant: DemoTenantState, origin: string, segment: string): Record<string, unknown> {
  const base = `${origin}/${segment}`;
  const tid = segment === 'organizations' ? '{tenantid}' : tenant.data.tenantId;
  return {
    issuer: `${origin}/${tid}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    token_endpoint_auth_signing_alg_values_supported: [...SIGNING_ALGORITHMS],
    response_modes_supported: ['query', 'form_post'],
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [...OIDC_SCOPES],
    subject_types_supported: ['pairwise'],
    // Honest about the demo: its ID tokens carry no signature.
    id_token_signing_alg_values_supported: ['none'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'nonce', 'oid', 'preferred_username', 'tid', 'ver'],
    request_uri_parameter_supported: false,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    tenant_region_scope: null,
    cloud_instance_name: new URL(origin).host,
    msgraph_host: `${new URL(origin).host}/graph`,
  };
}

function logout(url: URL): Response {
  const target = url.searchParams.get('post_logout_redirect_uri');
  if (target !== null && isLoopbackRedirectUri(target)) return new Response(null, { status: 302, headers: { location: target, 'cache-control': 'no-store' } });
  return signedOutPage();
}
