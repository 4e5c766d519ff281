// Test connection: one cheap call per Graph permission and one for Lookout, each told
// apart: ok, a missing permission (named), a missing Intune role, a refused key, no answer.
import { GRAPH_PERMISSIONS, type GraphPermission } from '../../../shared/config/connection-settings';
import type { ConnectionCheck, ConnectionTest } from '../../../shared/ipc';
import type { GraphClient } from '../../graph/graph-client';
import { graphPaths } from '../../graph/graph-paths';
import { graphRefusal } from '../../graph/graph-permission-error';
import { ApiError } from '../../http/api-error';
import { isUnreachable } from '../../http/unreachable';
import { connectMobileRisk } from '../../mobile-risk/mobile-risk-client';

const GRAPH_CALLS: Record<GraphPermission, { method: 'GET' | 'POST'; path: string }> = {
  'User.Read': { method: 'GET', path: graphPaths.permissionProbes.me() },
  'GroupMember.Read.All': { method: 'GET', path: graphPaths.permissionProbes.groups() },
  'User.Read.All': { method: 'GET', path: graphPaths.permissionProbes.users() },
  'DeviceManagementManagedDevices.Read.All': { method: 'GET', path: graphPaths.permissionProbes.managedDevices() },
  'DeviceManagementServiceConfig.Read.All': { method: 'GET', path: graphPaths.mobileThreatDefenseConnectors() },
  'DeviceManagementConfiguration.Read.All': { method: 'GET', path: graphPaths.permissionProbes.compliancePolicies() },
  'DeviceManagementApps.Read.All': { method: 'GET', path: graphPaths.permissionProbes.managedAppRegistrations() },
};

export interface ConnectionTestTargets {
  /** The polling identity's Graph client. */
  graph: GraphClient;
  /** The signed-in admin's, for User.Read (sign-in and the role check); null when nobody is signed in. */
  userGraph: GraphClient | null;
  lookoutBaseUrl: string;
  lookoutAppKey: string | undefined;
  now?: () => Date;
}

/** Entra ID's answers when the app's own credential is refused: invalid_client and its AADSTS codes. */
const CREDENTIAL_REFUSED = /invalid_client|AADSTS7000215|AADSTS7000222|AADSTS70002\b|AADSTS700027|AADSTS700024|AADSTS700023|AADSTS700021|app's certificate cannot be used|credential/i;

function trimmed(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function graphCheck(permission: GraphPermission, error: unknown): ConnectionCheck {
  const call = `${GRAPH_CALLS[permission].method} ${GRAPH_CALLS[permission].path.split('?')[0]!}`;
  if (error === null) return { id: permission, call, status: 'ok', scope: null, detail: null };
  const refusal = graphRefusal(error);
  const detail = trimmed(error instanceof ApiError ? error.serviceMessage || error.message : error instanceof Error ? error.message : String(error));
  switch (refusal?.kind) {
    case 'missingScope':
      return { id: permission, call, status: 'missingScope', scope: refusal.scopes[0] ?? permission, detail };
    case 'missingIntuneRole':
      return { id: permission, call, status: 'missingIntuneRole', scope: null, detail };
    case 'unreachable':
      return { id: permission, call, status: 'unreachable', scope: null, detail };
    case 'unauthorized':
      return { id: permission, call, status: 'signInRequired', scope: null, detail };
    case 'tokenUnavailable':
      if (CREDENTIAL_REFUSED.test(detail)) return { id: permission, call, status: 'credentialRefused', scope: null, detail };
      return { id: permission, call, status: /consent/i.test(detail) ? 'consentRequired' : 'signInRequired', scope: null, detail };
    default:
      return { id: permission, call, status: 'failed', scope: null, detail };
  }
}

async function attempt(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
    return null;
  } catch (error) {
    return error ?? new Error('failed');
  }
}

export async function testConnection(targets: ConnectionTestTargets): Promise<ConnectionTest> {
  const checks: ConnectionCheck[] = [];
  for (const { name } of GRAPH_PERMISSIONS) {
    const { method, path } = GRAPH_CALLS[name];
    const client = name === 'User.Read' ? targets.userGraph : targets.graph;
    if (!client) {
      checks.push({ id: name, call: `${method} ${path.split('?')[0]!}`, status: 'signInRequired', scope: null, detail: 'Sign in to check this permission.' });
      continue;
    }
    checks.push(graphCheck(name, await attempt(() => client.get(path))));
  }
  checks.push(await lookoutCheck(targets.lookoutBaseUrl, targets.lookoutAppKey));
  return { checkedAt: (targets.now?.() ?? new Date()).toISOString(), checks };
}

async function lookoutCheck(baseUrl: string, appKey: string | undefined): Promise<ConnectionCheck> {
  const call = 'GET /mra/api/v2/devices';
  if (!appKey) return { id: 'lookout', call, status: 'keyInvalid', scope: null, detail: 'No Lookout application key is stored for this tenant.' };
  const client = connectMobileRisk({ baseUrl, appKey, retry: { maxAttempts: 1 } });
  const error = await attempt(() => client.listDevices({ limit: 1 }));
  if (error === null) return { id: 'lookout', call, status: 'ok', scope: null, detail: null };
  if (isUnreachable(error)) return { id: 'lookout', call, status: 'unreachable', scope: null, detail: trimmed(error instanceof Error ? error.message : String(error)) };
  const detail = trimmed(error instanceof ApiError ? `${error.code}: ${error.serviceMessage}` : error instanceof Error ? error.message : String(error));
  const refused = error instanceof ApiError && (error.code === 'invalid_client' || error.status === 401 || error.status === 403);
  return { id: 'lookout', call, status: refused || /invalid_client|not valid/i.test(detail) ? 'keyInvalid' : 'failed', scope: null, detail };
}
