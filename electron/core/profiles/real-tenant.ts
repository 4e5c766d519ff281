// How a real profile reaches its tenant: the Graph client main uses (directory checks,
// enrollment preview) and the endpoints the engine's process gets, both with the
// profile's polling identity, so console and engine see the tenant the same way.
import type { ConnectionSettings } from '../../../shared/config/connection-settings';
import { AppError, appError } from '../../../shared/ipc';
import { ClientCredentialsProvider } from '../../auth/client-credentials-provider';
import { MsalConfidentialProvider } from '../../auth/msal-confidential-provider';
import { GRAPH_DEFAULT_SCOPES } from '../../auth/msal-authority';
import type { TokenProvider } from '../../http/token-provider';
import type { TenantEndpoints } from '../../engine/engine-protocol';
import { createGraphClient, type GraphClient } from '../../graph/graph-client';
import type { SecretStore } from '../secrets/secret-store';
import { readClientCertificate } from './client-certificate';
import type { ServiceEndpoints } from './cloud-endpoints';

export const CLIENT_SECRET = 'clientSecret';
export const LOOKOUT_APP_KEY = 'lookoutAppKey';
/** The certificate and its private key, one PEM text. */
export const CLIENT_CERTIFICATE = 'clientCertificate';

const refusing = (error: AppError): TokenProvider => ({ getToken: () => Promise.reject(error), invalidate: () => undefined });

export function tokenUrlOf(endpoints: ServiceEndpoints, tenantId: string): string {
  return `${endpoints.authorityHost}/${tenantId}/oauth2/v2.0/token`;
}

/** The polling identity's Graph tokens: the signed-in admin's (delegated), or the app's from its client secret or certificate. */
export function pollingTokens(connection: ConnectionSettings, endpoints: ServiceEndpoints, secrets: SecretStore, delegated: () => TokenProvider, now: () => Date = () => new Date()): TokenProvider {
  if (connection.pollingIdentity === 'delegated') return delegated();
  if (connection.pollingIdentity === 'appCertificate') return certificateTokens(connection, endpoints, secrets, now);
  const clientSecret = secrets.get(CLIENT_SECRET);
  if (!clientSecret) {
    return refusing(appError('unavailable', 'profile.noClientSecret', {}, { field: 'clientSecret', rule: 'required' }));
  }
  return new ClientCredentialsProvider({ tokenUrl: tokenUrlOf(endpoints, connection.tenantId), clientId: connection.clientId, clientSecret, scope: GRAPH_DEFAULT_SCOPES[0]! });
}

/** The app's tokens from its certificate, through msal's client assertion; the certificate is read again at each start, so an expired one is named. */
function certificateTokens(connection: ConnectionSettings, endpoints: ServiceEndpoints, secrets: SecretStore, now: () => Date): TokenProvider {
  const pem = secrets.get(CLIENT_CERTIFICATE);
  if (!pem) {
    return refusing(appError('unavailable', 'profile.noCertificate', {}, { field: 'clientCertificate', rule: 'required' }));
  }
  let certificate: ReturnType<typeof readClientCertificate>;
  try {
    certificate = readClientCertificate(pem, now());
  } catch (error) {
    const message = error instanceof AppError ? error.message.replace(/^clientCertificate: /, '') : String(error);
    return refusing(appError('unavailable', 'profile.certificateUnusable', { detail: message }, { field: 'clientCertificate', rule: 'usable' }));
  }
  return new MsalConfidentialProvider({
    tenantId: connection.tenantId,
    clientId: connection.clientId,
    authorityHost: endpoints.authorityHost,
    credential: { clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem, x5c: certificate.certificatePem } },
  });
}

export function realGraph(endpoints: ServiceEndpoints, tokens: TokenProvider, secrets: SecretStore): GraphClient {
  const secret = secrets.get(CLIENT_SECRET);
  return createGraphClient({ baseUrl: endpoints.graphBaseUrl, tokens, ...(secret ? { secrets: [secret] } : {}) });
}

/**
 * What the engine's process needs; secrets travel over the process channel only. The
 * engine asks main for Graph tokens (tokenSource host) unless the app polls with a
 * client secret: a signed-in admin's tokens and a certificate's key never leave main.
 */
export function realEngineEndpoints(connection: ConnectionSettings, endpoints: ServiceEndpoints, secrets: SecretStore): TenantEndpoints {
  const fromHost = connection.pollingIdentity !== 'appSecret';
  return {
    mode: 'real',
    tenantId: connection.tenantId,
    graphBaseUrl: endpoints.graphBaseUrl,
    tokenUrl: tokenUrlOf(endpoints, connection.tenantId),
    clientId: connection.clientId,
    clientSecret: fromHost ? '' : (secrets.get(CLIENT_SECRET) ?? ''),
    mraBaseUrl: endpoints.lookoutBaseUrl,
    mraAppKey: secrets.get(LOOKOUT_APP_KEY) ?? '',
    ...(fromHost ? { tokenSource: 'host' as const } : {}),
  };
}
