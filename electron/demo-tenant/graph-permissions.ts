// Which permission each demo Graph route needs (Graph's documented lists, least
// privileged first), what a token's permissions are worth under the tenant's current
// consent, and Intune's role check on top for delegated calls.
import type { DemoTenantState } from './demo-tenant-state';
import { graphError } from './graph-responses';
import { APP_DELEGATED_SCOPES, APP_ROLES, USER_CONSENTABLE_SCOPES } from './permission-catalog';
import type { TokenClaims } from './token-issuer';

/** The permissions of which a token needs one; a missing side means the route is not for that kind of token. */
export interface RouteAccess {
  delegated?: readonly string[];
  application?: readonly string[];
}

const either = (anyOf: readonly string[]): RouteAccess => ({ delegated: anyOf, application: anyOf });

export const ACCESS = {
  organization: { delegated: ['User.Read', 'Organization.Read.All', 'Directory.Read.All'], application: ['Organization.Read.All', 'Directory.Read.All'] },
  groups: either(['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All']),
  me: { delegated: ['User.Read'] },
  users: either(['User.Read.All', 'User.ReadBasic.All', 'Directory.Read.All']),
  userGroups: either(['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All']),
  managedDevices: either(['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All']),
  compliancePolicies: either(['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All']),
  mtdConnectors: either(['DeviceManagementServiceConfig.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All']),
  appRegistrations: either(['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All']),
} satisfies Record<string, RouteAccess>;

/** Intune's data: a user's managed devices come from Intune too, under its role-based access control. */
const INTUNE_PATH = /^\/(?:deviceManagement|deviceAppManagement)(?:\/|$)|^\/(?:users\/[^/]+|me)\/managedDevices(?:\/|$)/;

/** The permissions a token has now: admin-granted ones count only while the tenant's consent stands. */
export function effectivePermissions(tenant: DemoTenantState, claims: TokenClaims): string[] {
  const consented = tenant.consent.granted;
  if (claims.kind === 'app') return consented ? (claims.roles ?? [...APP_ROLES]) : [];
  return (claims.scopes ?? []).filter((scope) => USER_CONSENTABLE_SCOPES.includes(scope) || (consented && APP_DELEGATED_SCOPES.includes(scope)));
}

/**
 * The 403 for a call the token may not make, or null. Null also when the route
 * is not for this kind of token: the route itself says so, as Graph does for /me.
 */
export function refusal(tenant: DemoTenantState, claims: TokenClaims, access: RouteAccess, path: string): Response | null {
  const anyOf = claims.kind === 'app' ? access.application : access.delegated;
  if (!anyOf) return null;
  const held = new Set(effectivePermissions(tenant, claims).map((name) => name.toLowerCase()));
  if (!anyOf.some((name) => held.has(name.toLowerCase()))) {
    return graphError(403, 'Forbidden', `Application is not authorized to perform this operation. Application must have one of the following scopes: ${anyOf.join(', ')}`);
  }
  if (claims.kind === 'user' && INTUNE_PATH.test(path) && tenant.usersById.get(claims.subject)?.intuneRole !== true) {
    return graphError(403, 'Forbidden', 'The signed-in user has no Intune role assignment that allows this operation (Intune role-based access control).');
  }
  return null;
}
