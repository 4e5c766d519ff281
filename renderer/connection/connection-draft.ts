import { DEFAULT_LOOKOUT_BASE_URL, type Cloud, type ConnectionSettings, type PollingIdentity } from '../../shared/config/connection-settings';

/** A real tenant's connection as typed: every field text, the two choices, and the secrets (empty: not typed). */
export interface ConnectionDraft {
  tenant: string;
  clientId: string;
  cloud: Cloud;
  pollingIdentity: PollingIdentity;
  clientSecret: string;
  /** The PEM text with the certificate and its private key. */
  clientCertificate: string;
  lookoutBaseUrl: string;
  lookoutAppKey: string;
}

export type ConnectionField = keyof ConnectionDraft;

/** The fields as the contract names them, in the order the form shows them. */
export const CONNECTION_FIELDS = ['tenant', 'clientId', 'cloud', 'pollingIdentity', 'clientSecret', 'clientCertificate', 'lookoutBaseUrl', 'lookoutAppKey'] as const satisfies readonly ConnectionField[];

/** Whether a field is on screen for this polling identity: the client secret and the certificate only with their own. */
export function onScreen(field: string, pollingIdentity: PollingIdentity): boolean {
  if (field === 'clientSecret') return pollingIdentity === 'appSecret';
  if (field === 'clientCertificate') return pollingIdentity === 'appCertificate';
  return true;
}

export function connectionDraftOf(settings: ConnectionSettings | null): ConnectionDraft {
  return {
    tenant: settings?.tenant ?? '',
    clientId: settings?.clientId ?? '',
    cloud: settings?.cloud ?? 'public',
    pollingIdentity: settings?.pollingIdentity ?? 'delegated',
    clientSecret: '',
    clientCertificate: '',
    lookoutBaseUrl: settings?.lookoutBaseUrl ?? DEFAULT_LOOKOUT_BASE_URL,
    lookoutAppKey: '',
  };
}

export interface ConnectionRequest {
  tenant?: string;
  clientId?: string;
  cloud: Cloud;
  pollingIdentity: PollingIdentity;
  lookoutBaseUrl?: string;
  lookoutAppKey?: string;
  clientSecret?: string;
  clientCertificate?: string;
}

/**
 * What the admin typed, as the contract wants it: empty fields are absent, so a missing one reads
 * "is required"; a client secret or certificate only goes with its app identity. An empty secret
 * (or certificate) keeps the stored one when editing (keepEmptySecrets); when adding it is sent
 * empty, so the rule says it cannot be. Secrets are sent as typed: the server names the rule when
 * they start or end with spaces.
 */
export function connectionRequestOf(draft: ConnectionDraft, { keepEmptySecrets }: { keepEmptySecrets: boolean }): ConnectionRequest {
  const request: ConnectionRequest = { cloud: draft.cloud, pollingIdentity: draft.pollingIdentity };
  if (draft.tenant.trim() !== '') request.tenant = draft.tenant.trim();
  if (draft.clientId.trim() !== '') request.clientId = draft.clientId.trim();
  if (draft.lookoutBaseUrl.trim() !== '') request.lookoutBaseUrl = draft.lookoutBaseUrl.trim();
  if (draft.lookoutAppKey !== '' || !keepEmptySecrets) request.lookoutAppKey = draft.lookoutAppKey;
  if (draft.pollingIdentity === 'appSecret' && (draft.clientSecret !== '' || !keepEmptySecrets)) request.clientSecret = draft.clientSecret;
  if (draft.pollingIdentity === 'appCertificate' && (draft.clientCertificate !== '' || !keepEmptySecrets)) request.clientCertificate = draft.clientCertificate;
  return request;
}
