// A verified domain names one tenant: its OpenID configuration (anonymous, documented)
// carries the tenant's GUID in the issuer. The ID token's tid is checked against it at sign-in.
import { AppError } from '../../../shared/ipc';
import { isGuid } from '../../../shared/config/connection-settings';

const ISSUER_TENANT = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/?$/i;

export async function resolveTenantId(tenant: string, authorityHost: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (isGuid(tenant)) return tenant.toLowerCase();
  const refuse = (why: string): AppError =>
    AppError.validation([{ field: 'tenant', rule: 'a verified domain of a tenant', message: `tenant: ${tenant} could not be resolved to a tenant ID (${why}). Enter the tenant ID (a GUID) instead, from Entra ID > Overview.` }]);
  let response: Response;
  try {
    response = await fetchImpl(`${authorityHost}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`, { signal: AbortSignal.timeout(15_000) });
  } catch {
    throw refuse('the Microsoft identity platform cannot be reached');
  }
  if (!response.ok) throw refuse(response.status === 400 || response.status === 404 ? 'no tenant has this domain' : `the identity platform answered ${response.status}`);
  let issuer: unknown;
  try {
    issuer = ((await response.json()) as { issuer?: unknown }).issuer;
  } catch {
    throw refuse('the answer was not an OpenID configuration');
  }
  const match = typeof issuer === 'string' ? ISSUER_TENANT.exec(issuer) : null;
  if (!match) throw refuse('the answer named no tenant');
  return match[1]!.toLowerCase();
}
