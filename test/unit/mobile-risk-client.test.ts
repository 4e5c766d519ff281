import { type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/http/api-error';
import { FakeClock } from '../support/fake-clock';
import { connectMobileRisk, createMobileRiskClient } from '../../electron/mobile-risk/mobile-risk-client';
import { createMobileRiskTokenProvider } from '../../electron/mobile-risk/mobile-risk-token';
import { type MobileRiskDevice } from '../../electron/mobile-risk/mobile-risk-types';
import { json, type RecordedRequest, type ScriptedServer, startScriptedServer } from '../support/scripted-server';

const T0 = Date.UTC(2026, 0, 1);
const APP_KEY = 'app-key-do-not-leak';
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const device = (oid: number): MobileRiskDevice => ({ guid: `g${oid}`, oid, platform: oid % 2 === 0 ? 'IOS' : 'ANDROID', status: { activation_status: 'ACTIVATED', protection_status: 'PROTECTED', security_status: 'SECURED' } });

/** A tiny Mobile Risk API: issues mra-1, mra-2... for the right key; lists 5 devices by oid; can revoke the current token. */
function mobileRiskApi(options: { tokenAnswer?: (n: number) => Record<string, unknown> } = {}) {
  const state = { issued: 0, revoked: false };
  const fleet = [1, 2, 3, 4, 5].map(device);
  const handler = (request: RecordedRequest, response: ServerResponse): void | Promise<void> => {
    if (request.path === '/oauth2/token') {
      if (request.method !== 'POST' || request.headers.authorization !== `Bearer ${APP_KEY}` || request.body !== 'grant_type=client_credentials') {
        // Echoes the key it was given, as a careless server might: the client must scrub it.
        const presented = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        return json(401, { error: 'invalid_client', error_description: `Unknown application key ${presented}` })(request, response);
      }
      state.issued += 1;
      state.revoked = false;
      return json(200, options.tokenAnswer?.(state.issued) ?? { access_token: `mra-${state.issued}`, token_type: 'bearer', expires_in: 600 })(request, response);
    }
    if (state.revoked || request.headers.authorization !== `Bearer mra-${state.issued}`) return json(401, { error_code: 'UNAUTHORIZED', message: 'token expired' })(request, response);
    const limit = Number(request.query.get('limit') ?? '2');
    const after = Number(request.query.get('oid') ?? '0');
    if (request.path === '/mra/api/v2/devices') {
      const devices = fleet.filter((item) => Number(item.oid) > after).slice(0, limit);
      return json(200, { count: devices.length, devices })(request, response);
    }
    if (request.path === '/mra/api/v2/threats') {
      const threats = [{ guid: 't1', oid: 1, device_guid: 'g1', status: 'OPEN', severity: 'HIGH', type: 'APPLICATION', classifications: ['MALWARE'] }].filter((threat) => threat.oid > after);
      return json(200, { count: threats.length, threats })(request, response);
    }
    return json(404, { message: 'no such path' })(request, response);
  };
  return { state, handler };
}

async function setUp(clock = new FakeClock(T0), api = mobileRiskApi()) {
  server = await startScriptedServer(api.handler, clock);
  const client = connectMobileRisk({ baseUrl: server.origin, appKey: APP_KEY, clock, retry: { maxAttempts: 2, backoff: { baseMs: 1, capMs: 2 } } });
  return { client, server, api, clock };
}

const tokenRequests = (scripted: ScriptedServer) => scripted.requests.filter((request) => request.path === '/oauth2/token');

describe('Mobile Risk API token', () => {
  it('exchanges the application key once (client credentials, key as bearer) and reuses the token', async () => {
    const { client, server } = await setUp();
    await client.listDevices();
    await client.listThreats();
    expect(tokenRequests(server)).toHaveLength(1);
    expect(tokenRequests(server)[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.requests.filter((request) => request.path !== '/oauth2/token').map((request) => request.headers.authorization)).toEqual(['Bearer mra-1', 'Bearer mra-1']);
  });

  it('fetches a new token shortly before the cached one expires', async () => {
    const { client, server, clock } = await setUp();
    await client.listDevices();
    await clock.advance(539_000);
    await client.listDevices();
    expect(tokenRequests(server)).toHaveLength(1);
    await clock.advance(1000);
    await client.listDevices();
    expect(tokenRequests(server)).toHaveLength(2);
  });

  it('reads expires_at (ms since the epoch) when expires_in is absent', async () => {
    const clock = new FakeClock(T0);
    const { client, server } = await setUp(clock, mobileRiskApi({ tokenAnswer: (n) => ({ access_token: `mra-${n}`, token_type: 'bearer', expires_at: T0 + 120_000 }) }));
    await client.listDevices();
    await clock.advance(59_000);
    await client.listDevices();
    expect(tokenRequests(server)).toHaveLength(1);
    await clock.advance(1000);
    await client.listDevices();
    expect(tokenRequests(server)).toHaveLength(2);
  });

  it('shares one exchange between callers asking at once', async () => {
    server = await startScriptedServer(mobileRiskApi().handler);
    const tokens = createMobileRiskTokenProvider({ baseUrl: server.origin, appKey: APP_KEY });
    expect(await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()])).toEqual(['mra-1', 'mra-1', 'mra-1']);
    expect(tokenRequests(server)).toHaveLength(1);
  });

  it('on 401 from the API drops the token, exchanges again once and retries', async () => {
    const { client, server, api } = await setUp();
    await client.listDevices();
    api.state.revoked = true;
    const page = await client.listDevices();
    expect(page.devices).toHaveLength(2);
    expect(tokenRequests(server)).toHaveLength(2);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer mra-2');
  });

  it('reports a refused application key as a typed error that never shows the key', async () => {
    server = await startScriptedServer(mobileRiskApi().handler);
    const client = connectMobileRisk({ baseUrl: server.origin, appKey: 'wrong-key-secret' });
    const error = await client.listDevices().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ service: 'Mobile Risk API', status: 401, code: 'invalid_client', serviceMessage: 'Unknown application key [redacted]', path: '/oauth2/token' });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('wrong-key-secret');
  });

  for (const [name, answer] of [
    ['expires_in 0', { expires_in: 0 }],
    ['a negative expires_in', { expires_in: -60 }],
    ['an expires_at already past', { expires_at: T0 - 1000 }],
    ['an expires_at of now', { expires_at: T0 }],
  ] as const) {
    it(`refuses a token answer with ${name} instead of exchanging again on every call`, async () => {
      const { client, server } = await setUp(new FakeClock(T0), mobileRiskApi({ tokenAnswer: (n) => ({ access_token: `mra-${n}`, token_type: 'bearer', ...answer }) }));
      await expect(client.listDevices()).rejects.toMatchObject({ name: 'ApiError', code: 'invalidResponse', path: '/oauth2/token' });
      expect(server.requests.filter((request) => request.path !== '/oauth2/token')).toHaveLength(0);
    });
  }
});

describe('Mobile Risk API listings', () => {
  it('passes limit and the oid cursor', async () => {
    const { client, server } = await setUp();
    const page = await client.listDevices({ limit: 3, oid: 1 });
    expect(page.devices.map((item) => item.guid)).toEqual(['g2', 'g3', 'g4']);
    expect(page.count).toBe(3);
    expect(server.requests.at(-1)?.url).toBe('/mra/api/v2/devices?limit=3&oid=1');
  });

  it('walks every device page by page until an empty page', async () => {
    const { client, server } = await setUp();
    const guids: string[] = [];
    for await (const item of client.devices({ limit: 2 })) guids.push(item.guid);
    expect(guids).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
    expect(server.requests.filter((request) => request.path === '/mra/api/v2/devices').map((request) => request.query.get('oid'))).toEqual([null, '2', '4', '5']);
  });

  it('lists threats', async () => {
    const { client } = await setUp();
    const page = await client.listThreats({ limit: 10 });
    expect(page.count).toBe(1);
    expect(page.threats).toEqual([{ guid: 't1', oid: 1, device_guid: 'g1', status: 'OPEN', severity: 'HIGH', type: 'APPLICATION', classifications: ['MALWARE'] }]);
    const all: string[] = [];
    for await (const threat of client.threats()) all.push(threat.guid);
    expect(all).toEqual(['t1']);
  });

  it('spends the token exchange and the listings from one shared budget', async () => {
    const { client } = await setUp();
    await client.listDevices();
    expect(client.budget.used().requests).toBe(2);
    expect(client.budget.allowance().requests).toBe(90);
  });

  it('rejects an answer without the expected array', async () => {
    server = await startScriptedServer(json(200, { items: [] }));
    const client = createMobileRiskClient({ baseUrl: server.origin, tokens: { getToken: () => Promise.resolve('t'), invalidate: () => undefined } });
    await expect(client.listDevices()).rejects.toMatchObject({ code: 'invalidResponse' });
  });
});
