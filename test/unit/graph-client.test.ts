import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/http/api-error';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';
import { graphPaths, odataString } from '../../electron/graph/graph-paths';
import { type Group, type ManagedDevice } from '../../electron/graph/graph-types';
import { countingTokenProvider } from '../support/counting-token-provider';
import { graphError, json, noContent, type Reply, type ScriptedServer, startScriptedServer } from '../support/scripted-server';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(script: Reply | readonly Reply[]): Promise<{ client: GraphClient; server: ScriptedServer; tokens: ReturnType<typeof countingTokenProvider> }> {
  server = await startScriptedServer(script);
  const tokens = countingTokenProvider();
  const client = createGraphClient({ baseUrl: `${server.origin}/v1.0/`, tokens, retry: { maxAttempts: 2, backoff: { baseMs: 1, capMs: 5 } } });
  return { client, server, tokens };
}

function device(id: string): ManagedDevice {
  return {
    id,
    userId: 'u1',
    userPrincipalName: 'adele@contoso.example',
    deviceName: `phone ${id}`,
    operatingSystem: 'iOS',
    osVersion: '18.1',
    lastSyncDateTime: '2026-01-01T00:00:00Z',
    complianceState: 'compliant',
    partnerReportedThreatState: 'secured',
  };
}

describe('Graph client calls', () => {
  it('GETs JSON with the bearer token, relative to the base URL', async () => {
    const { client, server } = await setUp([json(200, { id: 'c1', partnerState: 'enabled' })]);
    const connector = await client.get<{ id: string }>(graphPaths.mobileThreatDefenseConnector('c1'));
    expect(connector).toEqual({ id: 'c1', partnerState: 'enabled' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1.0/deviceManagement/mobileThreatDefenseConnectors/c1' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token-1');
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('POSTs and PATCHes JSON bodies; an answer without a body gives undefined', async () => {
    const { client, server } = await setUp([json(201, { id: 'new' }), noContent()]);
    expect(await client.post('/groups', { displayName: 'MTD pilots' })).toEqual({ id: 'new' });
    expect(await client.patch(graphPaths.managedDevice('d1'), { partnerReportedThreatState: 'highSeverity' })).toBeUndefined();
    expect(server.requests.map((request) => [request.method, request.headers['content-type'], request.body])).toEqual([
      ['POST', 'application/json', '{"displayName":"MTD pilots"}'],
      ['PATCH', 'application/json', '{"partnerReportedThreatState":"highSeverity"}'],
    ]);
  });

  it('pages through @odata.nextLink until a page has none, as pages and as items', async () => {
    const pages: Record<string, { value: ManagedDevice[]; next?: string }> = {
      first: { value: [device('d1'), device('d2')], next: 'p2' },
      p2: { value: [device('d3')], next: 'p3' },
      p3: { value: [] },
    };
    const { client, server } = await setUp((request, response) => {
      const page = pages[request.query.get('$skiptoken') ?? 'first'];
      const nextLink = page?.next === undefined ? {} : { '@odata.nextLink': `${server.origin}/v1.0/deviceManagement/managedDevices?$skiptoken=${page.next}` };
      json(200, { value: page?.value, ...nextLink })(request, response);
    });

    const seen: string[][] = [];
    for await (const page of client.pages<ManagedDevice>(graphPaths.managedDevices())) seen.push(page.items.map((item) => item.id));
    expect(seen).toEqual([['d1', 'd2'], ['d3'], []]);
    expect(server.requests.map((request) => request.query.get('$skiptoken'))).toEqual([null, 'p2', 'p3']);
    expect(server.requests[0]?.query.get('$select')).toContain('partnerReportedThreatState');

    const ids: string[] = [];
    for await (const item of client.items<ManagedDevice>(graphPaths.managedDevices())) ids.push(item.id);
    expect(ids).toEqual(['d1', 'd2', 'd3']);
  });

  it('refuses a nextLink that points back to a page already read', async () => {
    const { client, server } = await setUp((request, response) => json(200, { value: [], '@odata.nextLink': `${server.origin}/v1.0/users?$skiptoken=same` })(request, response));
    const listing = (async () => {
      for await (const _page of client.pages('/users?$skiptoken=same')) void _page;
    })();
    await expect(listing).rejects.toMatchObject({ code: 'invalidResponse' });
  });

  it('ends a listing whose first page has no nextLink', async () => {
    const { client, server } = await setUp([json(200, { value: [{ id: 'g1', displayName: 'MTD', securityEnabled: true, mailEnabled: false, groupTypes: [] }] })]);
    const groups: Group[] = [];
    for await (const group of client.items<Group>(graphPaths.groupsByDisplayName("O'Brien team"))) groups.push(group);
    expect(groups.map((group) => group.id)).toEqual(['g1']);
    expect(server.requests[0]?.query.get('$filter')).toBe("displayName eq 'O''Brien team'");
    expect(server.requests[0]?.query.get('$top')).toBe('999');
  });

  it('refuses a nextLink to another origin, so the token stays home', async () => {
    const { client, server } = await setUp([json(200, { value: [1], '@odata.nextLink': 'https://attacker.example/v1.0/users?$skiptoken=x' })]);
    const listing = (async () => {
      for await (const _page of client.pages('/users')) void _page;
    })();
    await expect(listing).rejects.toMatchObject({ name: 'ApiError', code: 'untrustedUrl' });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects an answer that is not a collection, or not JSON', async () => {
    const { client } = await setUp([json(200, { value: 'nope' }), (_request, response) => void response.end('<html>')]);
    await expect(client.pages('/users').next()).rejects.toMatchObject({ code: 'invalidResponse' });
    await expect(client.get('/users')).rejects.toMatchObject({ code: 'invalidResponse' });
  });

  it('on 401 drops the token once and retries with a fresh one', async () => {
    const { client, server, tokens } = await setUp([graphError(401, 'InvalidAuthenticationToken'), json(200, { id: 'me' })]);
    expect(await client.get('/me')).toEqual({ id: 'me' });
    expect(tokens.invalidations).toBe(1);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('treats a second 401 as an error', async () => {
    const { client, server, tokens } = await setUp([graphError(401, 'InvalidAuthenticationToken'), graphError(401, 'InvalidAuthenticationToken'), json(200, {})]);
    await expect(client.get('/me')).rejects.toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(tokens.invalidations).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it("reads Graph's error format into a typed error without tokens or query secrets", async () => {
    const { client } = await setUp([graphError(403, 'Authorization_RequestDenied')]);
    const error = await client.get('/groups?$filter=displayName%20eq%20%27secret%27&$skiptoken=abc').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ service: 'Microsoft Graph', status: 403, code: 'Authorization_RequestDenied', serviceMessage: 'Authorization_RequestDenied happened', requestId: 'req-403', method: 'GET', path: '/v1.0/groups' });
    const text = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of ['token-1', 'skiptoken', 'abc', 'secret']) expect(text).not.toContain(secret);
  });

  it('scrubs bearer tokens a service might echo in its error message', async () => {
    const { client } = await setUp([json(400, { error: { code: 'BadRequest', message: 'Header was Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl' } })]);
    const error = await client.get('/me').catch((caught: unknown) => caught);
    expect(String(error)).not.toContain('eyJ');
    expect(String(error)).toContain('Bearer [redacted]');
  });

  it('takes no plain-http base URL except on loopback', () => {
    const tokens = countingTokenProvider();
    expect(() => createGraphClient({ baseUrl: 'http://graph.microsoft.com/v1.0', tokens })).toThrow(/only https/);
    expect(createGraphClient({ baseUrl: 'https://graph.microsoft.com/v1.0/', tokens }).baseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(createGraphClient({ baseUrl: 'http://127.0.0.1:4010/v1.0', tokens }).baseUrl).toBe('http://127.0.0.1:4010/v1.0');
  });

  it('aborts a call in flight', async () => {
    const { client } = await setUp(() => undefined);
    const controller = new AbortController();
    const call = client.get('/me', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 10);
    await expect(call).rejects.toThrow('cancelled');
  });
});

describe('Graph paths', () => {
  it('quotes OData strings by doubling single quotes', () => {
    expect(odataString("it's")).toBe("'it''s'");
    expect(graphPaths.groupMembers('a/b')).toBe('/groups/a%2Fb/members?$select=id%2CdisplayName%2CuserPrincipalName&$top=999');
  });
});
