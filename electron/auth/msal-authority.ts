export const GRAPH_DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];

const AUTHORITY_HOST = 'https://login.microsoftonline.com';
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
  if (tenant === undefined) return `${AUTHORITY_HOST}/organizations`;
  if (!isTenant(tenant)) throw new Error('The tenant must be a tenant id (GUID) or a domain such as contoso.onmicrosoft.com.');
  return `${AUTHORITY_HOST}/${tenant.toLowerCase()}`;
}
