import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from '../../electron/graph/graph-client';
import { graphPaths } from '../../electron/graph/graph-paths';
import { type User } from '../../electron/graph/graph-types';
import { countingTokenProvider } from '../support/counting-token-provider';
import { graphError, json, type Reply, type ScriptedServer, startScriptedServer } from '../support/scripted-server';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const user = (id: string): User => ({ id, displayName: id, userPrincipalName: `${id}@contoso.example`, mail: null });

/** A users/delta endpoint: the initial round is two pages; a saved token 'old' is refused with the given reply. */
function deltaEndpoint(refuseOld: Reply): Reply {
  return (request, response) => {
    const link = (query: string): string => `${server?.origin ?? ''}/v1.0/users/delta?${query}`;
    const deltaToken = request.query.get('$deltatoken');
    const skipToken = request.query.get('$skiptoken');
    if (deltaToken === 'old') return refuseOld(request, response);
    if (deltaToken === 'recent') return json(200, { value: [{ ...user('u9') }, { id: 'u2', '@removed': { reason: 'deleted' } }], '@odata.deltaLink': link('$deltatoken=next') })(request, response);
    if (skipToken === 'p2') return json(200, { value: [user('u3')], '@odata.deltaLink': link('$deltatoken=fresh') })(request, response);
    return json(200, { value: [user('u1'), user('u2')], '@odata.nextLink': link('$skiptoken=p2') })(request, response);
  };
}

async function setUp(refuseOld: Reply = graphError(410, 'Gone')): Promise<GraphClient> {
  server = await startScriptedServer(deltaEndpoint(refuseOld));
  return createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider(), retry: { maxAttempts: 2, backoff: { baseMs: 1, capMs: 2 } } });
}

describe('Graph delta', () => {
  it('follows nextLink to the deltaLink on a first round', async () => {
    const client = await setUp();
    const round = await client.delta<User>(graphPaths.usersDelta());
    expect(round.items.map((item) => item.id)).toEqual(['u1', 'u2', 'u3']);
    expect(round.deltaLink).toBe(`${server?.origin}/v1.0/users/delta?$deltatoken=fresh`);
    expect(round.resynced).toBe(false);
  });

  it('starts the next round from the saved deltaLink, removals included', async () => {
    const client = await setUp();
    const round = await client.delta<User>(graphPaths.usersDelta(), { deltaLink: `${server?.origin}/v1.0/users/delta?$deltatoken=recent` });
    expect(round.items).toEqual([user('u9'), { id: 'u2', '@removed': { reason: 'deleted' } }]);
    expect(round.resynced).toBe(false);
    expect(server?.requests).toHaveLength(1);
  });

  it('on 410 Gone starts over from the initial URL and says it resynced', async () => {
    const client = await setUp(graphError(410, 'Gone'));
    const round = await client.delta<User>(graphPaths.usersDelta(), { deltaLink: `${server?.origin}/v1.0/users/delta?$deltatoken=old` });
    expect(round).toMatchObject({ resynced: true, deltaLink: `${server?.origin}/v1.0/users/delta?$deltatoken=fresh` });
    expect(round.items.map((item) => item.id)).toEqual(['u1', 'u2', 'u3']);
    expect(server?.requests.map((request) => request.query.get('$deltatoken') ?? request.query.get('$skiptoken'))).toEqual(['old', null, 'p2']);
  });

  it('resyncs on a resync error code too', async () => {
    const client = await setUp(graphError(400, 'syncStateNotFound'));
    const round = await client.delta<User>(graphPaths.usersDelta(), { deltaLink: `${server?.origin}/v1.0/users/delta?$deltatoken=old` });
    expect(round.resynced).toBe(true);
  });

  it('resyncs only once: a refused initial URL is an error', async () => {
    server = await startScriptedServer(graphError(410, 'Gone'));
    const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider() });
    await expect(client.delta(graphPaths.usersDelta(), { deltaLink: `${server.origin}/v1.0/users/delta?$deltatoken=old` })).rejects.toMatchObject({ status: 410 });
    expect(server.requests).toHaveLength(2);
  });

  it('does not resync on other errors', async () => {
    const client = await setUp(graphError(403, 'Forbidden'));
    await expect(client.delta(graphPaths.usersDelta(), { deltaLink: `${server?.origin}/v1.0/users/delta?$deltatoken=old` })).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a nextLink repeated by the server instead of reading it forever', async () => {
    let repeats = 0;
    server = await startScriptedServer((request, response) => {
      const link = (query: string): string => `${server?.origin ?? ''}/v1.0/users/delta?${query}`;
      // Gives up repeating after a few rounds, so a client without the guard ends (wrongly) instead of hanging the test.
      if (request.query.get('$skiptoken') === 'loop' && ++repeats > 3) return json(200, { value: [], '@odata.deltaLink': link('$deltatoken=never') })(request, response);
      return json(200, { value: [user('u1')], '@odata.nextLink': link('$skiptoken=loop') })(request, response);
    });
    const client = createGraphClient({ baseUrl: `${server.origin}/v1.0`, tokens: countingTokenProvider() });
    await expect(client.delta<User>(graphPaths.usersDelta())).rejects.toMatchObject({ name: 'ApiError', code: 'invalidResponse' });
    expect(server.requests.map((request) => request.query.get('$skiptoken'))).toEqual([null, 'loop']);
  });
});
