// Where a real profile's services are: its cloud fixes the authority and Graph hosts;
// MTD_CONSOLE_ENDPOINTS (tests, private clouds) is the one way to point them elsewhere.
import type { Cloud, ConnectionSettings } from '../../../shared/config/connection-settings';
import { CLOUD_HOSTS } from '../../auth/msal-authority';

export const ENDPOINTS_ENV = 'MTD_CONSOLE_ENDPOINTS';

export interface ServiceEndpoints {
  /** Origin of the Microsoft identity platform, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** Microsoft Graph up to its version, e.g. https://graph.microsoft.com/v1.0. */
  graphBaseUrl: string;
  /** Lookout Mobile Risk API origin (its /oauth2/token and /mra/ paths hang below it). */
  lookoutBaseUrl: string;
}

const endpointsOf = (cloud: Cloud) => ({ authorityHost: `https://${CLOUD_HOSTS[cloud].login}`, graphBaseUrl: `https://${CLOUD_HOSTS[cloud].graph}/v1.0` });

export const CLOUD_ENDPOINTS: Readonly<Record<Cloud, { authorityHost: string; graphBaseUrl: string }>> = {
  public: endpointsOf('public'),
  usGovernment: endpointsOf('usGovernment'),
  china: endpointsOf('china'),
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function endpointUrl(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) throw new Error(`${ENDPOINTS_ENV}: ${name} must be a URL.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${ENDPOINTS_ENV}: ${name} must be a URL; got ${JSON.stringify(value.slice(0, 80))}.`);
  }
  // Plain http only to this machine: a test tenant on loopback, never a remote host.
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))) {
    throw new Error(`${ENDPOINTS_ENV}: ${name} must be https, or http on 127.0.0.1; got ${url.origin}.`);
  }
  return value.replace(/\/+$/, '');
}

/** The override from the environment, or null when none is set; a malformed one is an error, not ignored. */
export function endpointsOverride(env: NodeJS.ProcessEnv = process.env): ServiceEndpoints | null {
  const raw = env[ENDPOINTS_ENV]?.trim();
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${ENDPOINTS_ENV} must be JSON: {"authorityHost": ..., "graphBaseUrl": ..., "lookoutBaseUrl": ...}.`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${ENDPOINTS_ENV} must be a JSON object.`);
  const value = parsed as Record<string, unknown>;
  return {
    authorityHost: endpointUrl('authorityHost', value.authorityHost),
    graphBaseUrl: endpointUrl('graphBaseUrl', value.graphBaseUrl),
    lookoutBaseUrl: endpointUrl('lookoutBaseUrl', value.lookoutBaseUrl),
  };
}

export function endpointsFor(connection: ConnectionSettings, override: ServiceEndpoints | null): ServiceEndpoints {
  return override ?? { ...CLOUD_ENDPOINTS[connection.cloud], lookoutBaseUrl: connection.lookoutBaseUrl };
}
