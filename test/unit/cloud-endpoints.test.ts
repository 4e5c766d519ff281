import { describe, expect, it } from 'vitest';
import { CLOUD_ENDPOINTS, endpointsFor, endpointsOverride, ENDPOINTS_ENV } from '../../electron/core/profiles/cloud-endpoints';
import type { ConnectionSettings } from '../../shared/config/connection-settings';

const connection: ConnectionSettings = {
  tenant: 'contoso.onmicrosoft.com',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  cloud: 'usGovernment',
  pollingIdentity: 'delegated',
  lookoutBaseUrl: 'https://api.lookout.com',
  lookoutKeySetAt: null,
};

const env = (value: string) => ({ [ENDPOINTS_ENV]: value });

describe('cloud endpoints', () => {
  it('each cloud fixes the authority and Graph hosts; Lookout comes from the profile', () => {
    expect(endpointsFor(connection, null)).toEqual({ authorityHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://graph.microsoft.us/v1.0', lookoutBaseUrl: 'https://api.lookout.com' });
    expect(endpointsFor({ ...connection, cloud: 'china' }, null).graphBaseUrl).toBe('https://microsoftgraph.chinacloudapi.cn/v1.0');
    expect(CLOUD_ENDPOINTS.public.authorityHost).toBe('https://login.microsoftonline.com');
  });

  it('MTD_CONSOLE_ENDPOINTS points every service elsewhere: https anywhere, http on loopback only', () => {
    expect(endpointsOverride({})).toBeNull();
    expect(endpointsOverride(env('  '))).toBeNull();
    const override = endpointsOverride(env(JSON.stringify({ authorityHost: 'http://127.0.0.1:4000/', graphBaseUrl: 'http://127.0.0.1:4000/graph/v1.0', lookoutBaseUrl: 'https://lookout.private.example' })));
    expect(override).toEqual({ authorityHost: 'http://127.0.0.1:4000', graphBaseUrl: 'http://127.0.0.1:4000/graph/v1.0', lookoutBaseUrl: 'https://lookout.private.example' });
    expect(endpointsFor(connection, override)).toBe(override);
  });

  it.each([
    ['not JSON', '{authorityHost'],
    ['not an object', '"https://x"'],
    ['a missing URL', JSON.stringify({ authorityHost: 'https://a', graphBaseUrl: 'https://b' })],
    ['plain http to another host', JSON.stringify({ authorityHost: 'http://evil.example', graphBaseUrl: 'https://b', lookoutBaseUrl: 'https://c' })],
    ['a URL of another scheme', JSON.stringify({ authorityHost: 'file:///etc/passwd', graphBaseUrl: 'https://b', lookoutBaseUrl: 'https://c' })],
    ['an oversize URL', JSON.stringify({ authorityHost: `https://a/${'x'.repeat(2050)}`, graphBaseUrl: 'https://b', lookoutBaseUrl: 'https://c' })],
  ])('refuses %s with a message naming the variable', (_label, value) => {
    expect(() => endpointsOverride(env(value))).toThrow(/MTD_CONSOLE_ENDPOINTS/);
  });
});
