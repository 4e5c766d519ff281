// How a real profile reaches its tenant: the Graph client main uses (directory checks,
// enrollment preview) and the endpoints the engine's process gets, both with the
// profile's polling identity, so console and engine see the tenant the same way.
import type { ConnectionSettings } from '../../../shared/config/connection-settings';
import { AppError } from '../../../shared/ipc';
import { ClientCredentialsProvider } from '../../auth/client-credentials-provider';
import { GRAPH_DEFAULT_SCOPES } from '../../auth/msal-authority';
import type { TokenProvider } from '../../auth/token-provider';
import type { TenantEndpoints } from '../../engine/engine-protocol';
import { createGraphClient, type GraphClient } from '../../graph/graph-client';
import type { SecretStore } from '../secrets/secret-store';
import type { ServiceEndpoints } from './cloud-endpoints';

export const CLIENT_SECRET = 'clientSecret';
export const LOOKOUT_APP_KEY = 'lookoutAppKey';

export function tokenUrlOf(endpoints: ServiceEndpoints, tenantId: string): string {
  return `${endpoints.authorityHost}/${tenantId}/oauth2/v2.0/token`;
}

/** The polling identity's Graph tokens: the signed-in admin's (delegated), or the app's from its client secret. */
export function pollingTokens(connection: ConnectionSettings, endpoints: ServiceEndpoints, secrets: SecretStore, delegated: () => TokenProvider): TokenProvider {
  if (connection.pollingIdentity === 'delegated') return delegated();
  const clientSecret = secrets.get(CLIENT_SECRET);
  if (!clientSecret) {
    const missing = new AppError({ code: 'unavailable', field: 'clientSecret', rule: 'required', message: 'The app identity polls with a client secret, and none is stored for this tenant (it is kept for one run only where no OS key store exists). Enter it again under System > Access > Tenant connection.' });
    return { getToken: () => Promise.reject(missing), invalidate: () => undefined };
  }
  return new ClientCredentialsProvider({ tokenUrl: tokenUrlOf(endpoints, connection.tenantId), clientId: connection.clientId, clientSecret, scope: GRAPH_DEFAULT_SCOPES[0]! });
}

export function realGraph(connection: ConnectionSettings, endpoints: ServiceEndpoints, secrets: SecretStore, delegated: () => TokenProvider): GraphClient {
  const secret = secrets.get(CLIENT_SECRET);
  return createGraphClient({ baseUrl: endpoints.graphBaseUrl, tokens: pollingTokens(connection, endpoints, secrets, delegated), ...(secret ? { secrets: [secret] } : {}) });
}

/** What the engine's process needs; secrets travel over the process channel only. */
export function realEngineEndpoints(connection: ConnectionSettings, endpoints: ServiceEndpoints, secrets: SecretStore): TenantEndpoints {
  const delegated = connection.pollingIdentity === 'delegated';
  return {
    mode: 'real',
    tenantId: connection.tenantId,
    graphBaseUrl: endpoints.graphBaseUrl,
    tokenUrl: tokenUrlOf(endpoints, connection.tenantId),
    clientId: connection.clientId,
    clientSecret: delegated ? '' : (secrets.get(CLIENT_SECRET) ?? ''),
    mraBaseUrl: endpoints.lookoutBaseUrl,
    mraAppKey: secrets.get(LOOKOUT_APP_KEY) ?? '',
    ...(delegated ? { tokenSource: 'host' as const } : {}),
  };
}
