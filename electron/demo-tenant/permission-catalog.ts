// The Microsoft Graph permissions the demo tenant knows, which of them a user may
// consent to alone, the ones the console's app registration lists, and how a
// `scope` parameter names them (as Entra ID reads it).

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_DEFAULT_SCOPE = `${GRAPH_RESOURCE}/.default`;

/** OpenID Connect scopes: they name no Graph permission, and anyone may consent to them. */
export const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'offline_access', 'email'];

/** Delegated Graph permissions a user consents to alone. */
export const USER_CONSENTABLE_SCOPES: readonly string[] = ['User.Read'];

/** Delegated Graph permissions only an administrator may grant (Entra's "Admin consent required: Yes"). */
export const ADMIN_ONLY_SCOPES: readonly string[] = [
  'GroupMember.Read.All',
  'User.Read.All',
  'User.ReadBasic.All',
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementServiceConfig.Read.All',
  'DeviceManagementConfiguration.Read.All',
  'DeviceManagementApps.Read.All',
];

/** The delegated permissions the console's app registration lists: what '.default' asks for. */
export const APP_DELEGATED_SCOPES: readonly string[] = [...USER_CONSENTABLE_SCOPES, ...ADMIN_ONLY_SCOPES];

/** The application permissions (app roles) the app registration lists; client-credentials tokens carry them. */
export const APP_ROLES: readonly string[] = [
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementServiceConfig.Read.All',
  'DeviceManagementConfiguration.Read.All',
  'DeviceManagementApps.Read.All',
  'GroupMember.Read.All',
  'User.Read.All',
  'Organization.Read.All',
];

/** Permissions Graph has but the app registration does not list; asking for them still needs an administrator. */
const OTHER_GRAPH_PERMISSIONS: readonly string[] = [
  'Group.Read.All',
  'Directory.Read.All',
  'Organization.Read.All',
  'User.ReadWrite.All',
  'DeviceManagementManagedDevices.ReadWrite.All',
  'DeviceManagementServiceConfig.ReadWrite.All',
  'DeviceManagementConfiguration.ReadWrite.All',
  'DeviceManagementApps.ReadWrite.All',
];

const KNOWN_GRAPH = new Map([...APP_DELEGATED_SCOPES, ...OTHER_GRAPH_PERMISSIONS].map((name) => [name.toLowerCase(), name]));
const KNOWN_OIDC = new Map(OIDC_SCOPES.map((name) => [name, name]));
const PERMISSION_NAME = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;
/** Longer than any real scope parameter; Entra refuses such requests too. */
export const MAX_SCOPE_PARAMETER = 4096;

/** A scope parameter as Entra reads it: OIDC scopes, Graph permissions by name, or Graph's '.default'. */
export interface ScopeRequest {
  oidc: string[];
  graph: string[];
  graphDefault: boolean;
}

export interface ScopeProblem {
  error: 'invalid_scope' | 'invalid_request';
  code: number;
  message: string;
}

/** Reads `scope`: 'X' and 'https://graph.microsoft.com/X' both name Graph's X; names are case-insensitive. */
export function parseScopes(raw: string | null): ScopeRequest | ScopeProblem {
  if (raw === null || raw.trim() === '') {
    return { error: 'invalid_request', code: 900144, message: "The request body must contain the following parameter: 'scope'." };
  }
  if (raw.length > MAX_SCOPE_PARAMETER) return { error: 'invalid_scope', code: 70011, message: 'The provided value for the input parameter \'scope\' is not valid: it is too long.' };
  const request: ScopeRequest = { oidc: [], graph: [], graphDefault: false };
  for (const item of raw.split(/\s+/).filter(Boolean)) {
    const oidc = KNOWN_OIDC.get(item.toLowerCase());
    if (oidc) {
      if (!request.oidc.includes(oidc)) request.oidc.push(oidc);
      continue;
    }
    const name = graphName(item);
    if (name === null) return invalidScope(item);
    if (name === '.default') {
      request.graphDefault = true;
      continue;
    }
    const known = KNOWN_GRAPH.get(name.toLowerCase());
    if (!known) {
      return { error: 'invalid_scope', code: 650053, message: `The application 'MTD Connector Console' asked for scope '${item.slice(0, 100)}' that doesn't exist on the resource '00000003-0000-0000-c000-000000000000'.` };
    }
    if (!request.graph.includes(known)) request.graph.push(known);
  }
  if (request.graphDefault && request.graph.length > 0) {
    return { error: 'invalid_scope', code: 70011, message: "The provided value for the input parameter 'scope' is not valid. '.default' cannot be combined with other scopes of the same resource." };
  }
  return request;
}

export function isScopeProblem(value: ScopeRequest | ScopeProblem): value is ScopeProblem {
  return 'error' in value;
}

/** The delegated Graph permissions a request names ('.default': all the app registration lists). */
export function requestedGraphScopes(request: ScopeRequest): string[] {
  return request.graphDefault ? [...APP_DELEGATED_SCOPES] : [...request.graph];
}

/** The named permissions that need an administrator's consent. */
export function needingAdminConsent(request: ScopeRequest): string[] {
  if (request.graphDefault) return [GRAPH_DEFAULT_SCOPE];
  return request.graph.filter((name) => !USER_CONSENTABLE_SCOPES.includes(name));
}

/** What the request asks for that nobody has consented to: admin-only permissions before (or outside) the admin's consent. */
export function scopesWithoutConsent(request: ScopeRequest, adminConsented: boolean): string[] {
  return needingAdminConsent(request).filter((name) => !(adminConsented && (name === GRAPH_DEFAULT_SCOPE || APP_DELEGATED_SCOPES.includes(name))));
}

/** The `scope` of a token answer: the permissions granted, and '.default' echoed when it was asked for, as Entra does. */
export function grantedScopeString(request: ScopeRequest): string {
  const oidc = request.oidc.filter((name) => name !== 'offline_access');
  return [...requestedGraphScopes(request), ...(request.graphDefault ? [GRAPH_DEFAULT_SCOPE] : []), ...oidc].join(' ');
}

function graphName(item: string): string | null {
  const lower = item.toLowerCase();
  const prefix = `${GRAPH_RESOURCE}/`;
  const name = lower.startsWith(prefix) ? item.slice(prefix.length) : item;
  if (name.toLowerCase() === '.default') return '.default';
  return PERMISSION_NAME.test(name) && name.length <= 100 ? name : null;
}

function invalidScope(item: string): ScopeProblem {
  return { error: 'invalid_scope', code: 70011, message: `The provided value for the input parameter 'scope' is not valid. The scope '${item.slice(0, 100)}' is not valid.` };
}
