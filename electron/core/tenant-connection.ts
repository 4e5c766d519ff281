// The tenant the console talks to. Until a real tenant is configured, that is the
// embedded demo tenant, in process, through the same clients a real tenant uses.
import { ClientCredentialsProvider } from '../auth/client-credentials-provider';
import { createDemoTenant, type DemoTenant } from '../demo-tenant/demo-tenant';
import { createGraphClient, type GraphClient } from '../graph/graph-client';

export interface TenantConnection {
  mode: 'demo' | 'real';
  graph: GraphClient;
  /** Present in demo mode, for the demo controls. */
  demoTenant?: DemoTenant;
}

export const DEMO_DEVICES_ENV = 'MTD_CONSOLE_DEMO_DEVICES';
export const DEFAULT_DEMO_DEVICES = 500;

export function demoDeviceCount(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[DEMO_DEVICES_ENV];
  if (value === undefined || value === '') return DEFAULT_DEMO_DEVICES;
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(count) || count < 10 || count > 100_000) {
    throw new Error(`${DEMO_DEVICES_ENV} must be a whole number from 10 to 100000; got ${JSON.stringify(value)}.`);
  }
  return count;
}

export function connectDemoTenant(options: { devices?: number; seed?: string } = {}): TenantConnection {
  const tenant = createDemoTenant({ devices: options.devices ?? demoDeviceCount(), seed: options.seed ?? 'contoso' });
  const { tokenUrl, clientId, clientSecret, graphBaseUrl } = tenant.credentials();
  const tokens = new ClientCredentialsProvider({ tokenUrl, clientId, clientSecret, scope: 'https://graph.microsoft.com/.default', fetch: tenant.fetch });
  return { mode: 'demo', demoTenant: tenant, graph: createGraphClient({ baseUrl: graphBaseUrl, tokens, fetch: tenant.fetch, secrets: [clientSecret] }) };
}
