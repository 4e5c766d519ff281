export const GRAPH_DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];

export type CloudName = 'public' | 'usGovernment' | 'china';

/** Each Microsoft cloud's identity platform and Graph: one pair, never mixed. */
export const CLOUD_HOSTS: Readonly<Record<CloudName, { login: string; graph: string }>> = {
  public: { login: 'login.microsoftonline.com', graph: 'graph.microsoft.com' },
  usGovernment: { login: 'login.microsoftonline.us', graph: 'graph.microsoft.us' },
  china: { login: 'login.chinacloudapi.cn', graph: 'microsoftgraph.chinacloudapi.cn' },
};

export const PUBLIC_AUTHORITY_HOST = `https://${CLOUD_HOSTS.public.login}`;
const MICROSOFT_LOGIN_HOSTS = new Set(Object.values(CLOUD_HOSTS).map((cloud) => cloud.login));
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** A tenant id (GUID) or verified domain (contoso.onmicrosoft.com); anything else is refused before it becomes part of a URL. */
export function isTenant(value: string): boolean {
  return isTenantId(value) || TENANT_DOMAIN.test(value);
}

export function isTenantId(value: string): boolean {
  return TENANT_GUID.test(value);
}

/** The Entra ID authority for one tenant, or 'organizations' (any work account) when none is configured. */
export function authorityFor(tenant: string | undefined): string {
  return msalAuthOptions(PUBLIC_AUTHORITY_HOST, tenant ?? 'organizations').authority;
}

/** What msal-node's `auth` takes to reach one tenant of one identity platform. */
export interface MsalAuthorityOptions {
  authority: string;
  knownAuthorities?: string[];
  /** The OpenID configuration, as a JSON string: msal then never fetches it. */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
}

/** The origin of an identity platform: https, or http to this machine only (a test tenant); no path, query or credentials. */
export function authorityOrigin(authorityHost: string): URL {
  let url: URL;
  try {
    url = new URL(authorityHost);
  } catch {
    throw new RangeError(`The authority host must be a URL such as ${PUBLIC_AUTHORITY_HOST}.`);
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!(url.protocol === 'https:' || loopback)) throw new RangeError(`The authority host must be https (or http on 127.0.0.1); got ${url.protocol}//${url.host}.`);
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new RangeError(`The authority host must be an origin only, such as ${PUBLIC_AUTHORITY_HOST}.`);
  }
  return url;
}

/** The tenant as the first path segment of an authority: a GUID, a verified domain or 'organizations' (never 'common'), lower-cased. */
export function authorityTenant(tenant: string): string {
  if (tenant === 'organizations' || isTenant(tenant)) return tenant.toLowerCase();
  throw new RangeError('The tenant must be a tenant id (GUID) or a domain such as contoso.onmicrosoft.com.');
}

/**
 * msal's authority options. A Microsoft cloud is named plainly; any other host
 * (a test tenant on loopback, a private cloud) gets a nominal https authority that
 * msal accepts, declared a known authority, with its endpoints given in full, so
 * msal makes no discovery request and talks only to those endpoints.
 */
export function msalAuthOptions(authorityHost: string, tenant: string): MsalAuthorityOptions {
  const origin = authorityOrigin(authorityHost);
  const segment = authorityTenant(tenant);
  if (origin.protocol === 'https:' && origin.port === '' && MICROSOFT_LOGIN_HOSTS.has(origin.hostname)) {
    return { authority: `https://${origin.hostname}/${segment}` };
  }
  const base = `${origin.origin}/${segment}`;
  return {
    authority: `https://${origin.host}/${segment}`,
    knownAuthorities: [origin.host],
    authorityMetadata: JSON.stringify({
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      response_modes_supported: ['query', 'form_post'],
    }),
  };
}
