// The demo tenant's Graph checks the token's permissions (while consent stands), the
// signed-in user's Intune role, and answers checkMemberObjects: over loopback, raw.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDemoTenant, type DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { serveDemoTenant, type ServedDemoTenant } from '../../electron/demo-tenant/serve-demo-tenant';
import { delegatedToken } from '../support/demo-identity-http';
import { graphToken } from '../support/demo-tenant-http';

const GA = 'globaladmin@contoso.example';
const FULL = 'fullaccess@contoso.example';
const RESTRICTED = 'restricted@contoso.example';
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
const GA_TEMPLATE = '62e90394-69f5-4237-9190-012177145e10';
const PRA_TEMPLATE = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
const INTUNE_ROLE_MESSAGE = 'The signed-in user has no Intune role assignment that allows this operation (Intune role-based access control).';

describe('demo tenant Graph permissions', () => {
  let tenant: DemoTenant;
  let served: ServedDemoTenant;
  let graph: string;
  let appToken: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    tenant = createDemoTenant({ seed: 'graph-permissions', devices: 40, speed: 0 });
    served = await serveDemoTenant(tenant);
    graph = served.credentials.graphBaseUrl;
    appToken = await graphToken(served.credentials);
    const { authorityHost } = served.credentials;
    for (const [name, upn, scope] of [['ga', GA, GRAPH_DEFAULT], ['full', FULL, GRAPH_DEFAULT], ['restricted', RESTRICTED, GRAPH_DEFAULT], ['userRead', GA, 'User.Read']] as const) {
      tokens.set(name, (await delegatedToken(authorityHost, tenant.data.tenantId, tenant.clientId, upn, scope)).accessToken);
    }
  });
  afterAll(() => served.close());
  beforeEach(() => {
    tenant.grantConsent(GA);
    tenant.setIntuneRole(FULL, false);
  });

  const token = (name: string): string => tokens.get(name) ?? '';
  const call = (path: string, bearer: string, init: RequestInit = {}) => fetch(`${graph}${path}`, { ...init, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' } });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
  const groupId = (name: string): string => tenant.data.groups.find((group) => group.displayName === name)!.id;

  const INTUNE = ['/deviceManagement/managedDevices?$top=1', '/deviceManagement/deviceCompliancePolicies', '/deviceManagement/mobileThreatDefenseConnectors'];
  const userDevices = () => `/users/${tenant.signInUser(FULL)!.id}/managedDevices`;

  it('answers the Global Administrator with a .default token on every route', async () => {
    for (const path of [...INTUNE, '/groups?$top=1', `/users/${tenant.signInUser(FULL)!.id}`, '/me', '/me/memberOf', '/organization', `/groups/${groupId('MTD Console Full Access')}/members`]) {
      expect((await call(path, token('ga'))).status, path).toBe(200);
    }
  });

  it('refuses a token without the permission with the Intune 403 that names the scopes it would take', async () => {
    const expected: [string, string][] = [
      ['/deviceManagement/managedDevices', 'DeviceManagementManagedDevices.Read.All, DeviceManagementManagedDevices.ReadWrite.All'],
      ['/deviceManagement/mobileThreatDefenseConnectors', 'DeviceManagementServiceConfig.Read.All, DeviceManagementServiceConfig.ReadWrite.All'],
      ['/deviceManagement/deviceCompliancePolicies', 'DeviceManagementConfiguration.Read.All, DeviceManagementConfiguration.ReadWrite.All'],
      ['/groups', 'GroupMember.Read.All, Group.Read.All, Directory.Read.All'],
      [`/users/${tenant.signInUser(FULL)!.id}`, 'User.Read.All, User.ReadBasic.All, Directory.Read.All'],
    ];
    for (const [path, scopes] of expected) {
      const response = await call(path, token('userRead'));
      expect(response.status, path).toBe(403);
      expect(await errorOf(response)).toMatchObject({ code: 'Forbidden', message: `Application is not authorized to perform this operation. Application must have one of the following scopes: ${scopes}` });
    }
    expect((await call('/me', token('userRead'))).status).toBe(200);
  });

  it('counts admin-granted permissions only while consent stands: a revoke refuses at once, a grant restores', async () => {
    tenant.revokeConsent();
    for (const bearer of [token('ga'), appToken]) {
      const response = await call('/deviceManagement/managedDevices?$top=1', bearer);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).message).toContain('must have one of the following scopes: DeviceManagementManagedDevices.Read.All');
    }
    expect((await call('/me', token('ga'))).status).toBe(200);
    tenant.grantConsent(GA);
    expect((await call('/deviceManagement/managedDevices?$top=1', token('ga'))).status).toBe(200);
    expect((await call('/deviceManagement/managedDevices?$top=1', appToken)).status).toBe(200);
  });

  it("refuses delegated Intune calls of a user without an Intune role, whatever the scopes; the app's own token is not affected", async () => {
    for (const path of [...INTUNE, userDevices()]) {
      const response = await call(path, token('full'));
      expect(response.status, path).toBe(403);
      expect(await errorOf(response)).toMatchObject({ code: 'Forbidden', message: INTUNE_ROLE_MESSAGE });
      expect((await call(path, appToken)).status).toBe(200);
    }
    expect((await call('/groups?$top=1', token('full'))).status).toBe(200);
    tenant.setIntuneRole(FULL, true);
    expect((await call(INTUNE[0]!, token('full'))).status).toBe(200);
  });

  it('applies the checks inside $batch too', async () => {
    const response = await call('/$batch', token('full'), { method: 'POST', body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/deviceManagement/managedDevices' }] }) });
    const { responses } = (await response.json()) as { responses: { id: string; status: number }[] };
    expect(responses.map((r) => [r.id, r.status])).toEqual([['1', 200], ['2', 403]]);
  });

  it('keeps the demo sign-in (password grant) reading who signed in and their groups', async () => {
    const response = await fetch(served.credentials.tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: tenant.clientId, username: RESTRICTED, password: 'demo', scope: 'User.Read' }) });
    const { access_token: bearer, scope } = (await response.json()) as { access_token: string; scope: string };
    expect(scope).toBe('User.Read GroupMember.Read.All');
    for (const path of ['/me', '/me/memberOf', '/groups?$top=1']) expect((await call(path, bearer)).status, path).toBe(200);
    tenant.revokeConsent();
    expect((await call('/me/memberOf', bearer)).status).toBe(200);
    expect((await call('/groups?$top=1', bearer)).status).toBe(403);
  });

  describe('checkMemberObjects', () => {
    const check = (path: string, bearer: string, ids: unknown) => call(path, bearer, { method: 'POST', body: JSON.stringify({ ids }) });
    const valueOf = async (response: Response) => {
      expect(response.status).toBe(200);
      return ((await response.json()) as { value: string[] }).value;
    };

    it('answers, with User.Read only, which of the ids the signed-in user holds: groups and directory role templates', async () => {
      const full = groupId('MTD Console Full Access');
      const restricted = groupId('MTD Console Restricted Access');
      const ids = [full, restricted, GA_TEMPLATE, PRA_TEMPLATE];
      expect(await valueOf(await check('/me/checkMemberObjects', token('userRead'), ids))).toEqual([full, GA_TEMPLATE]);
      expect(await valueOf(await check('/me/checkMemberObjects', token('restricted'), ids))).toEqual([restricted]);
      expect(await valueOf(await check('/me/checkMemberObjects', token('full'), ids))).toEqual([full]);
      expect(await valueOf(await check('/me/checkMemberObjects', token('ga'), [tenant.data.globalAdminRoleId, GA_TEMPLATE.toUpperCase()]))).toEqual([tenant.data.globalAdminRoleId, GA_TEMPLATE]);
      expect(await valueOf(await check('/me/checkMemberObjects', token('ga'), []))).toEqual([]);
    });

    it('follows nested groups, and takes an app token on /users/{id}', async () => {
      const pilot = tenant.data.groups.find((group) => group.displayName === 'Mobile Pilot')!;
      const outer = groupId('All Mobile Staff');
      const member = pilot.memberUserIds[0]!;
      expect(await valueOf(await check(`/users/${member}/checkMemberObjects`, appToken, [outer, pilot.id, groupId('Mobile Team')]))).toEqual(expect.arrayContaining([outer, pilot.id]));
      expect((await check('/me/checkMemberObjects', appToken, [outer])).status).toBe(400);
      expect((await check('/users/00000000-0000-4000-8000-000000000000/checkMemberObjects', appToken, [outer])).status).toBe(404);
    });

    it('takes at most 20 GUIDs in an {ids: [...]} body, and refuses anything else with 400', async () => {
      const guid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      expect(await valueOf(await check('/me/checkMemberObjects', token('ga'), Array.from({ length: 20 }, (_, i) => guid(i))))).toEqual([]);
      const tooMany = await check('/me/checkMemberObjects', token('ga'), Array.from({ length: 21 }, (_, i) => guid(i)));
      expect(tooMany.status).toBe(400);
      expect((await errorOf(tooMany)).code).toBe('Request_BadRequest');
      for (const ids of [['not-a-guid'], [GA_TEMPLATE, "x' OR 1=1"], [42], 'a string', null, [`${GA_TEMPLATE}0`]]) {
        const response = await check('/me/checkMemberObjects', token('ga'), ids);
        expect(response.status, JSON.stringify(ids)).toBe(400);
      }
      const noIds = await call('/me/checkMemberObjects', token('ga'), { method: 'POST', body: '{}' });
      expect(noIds.status).toBe(400);
      const notJson = await call('/me/checkMemberObjects', token('ga'), { method: 'POST', body: '{ids:' });
      expect(notJson.status).toBe(400);
    });
  });
});
