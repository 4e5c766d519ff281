// The channel maps the renderer builds over a transport: one call per channel of the
// contract, envelopes turned into results and typed AppErrors, and a refused call outside
// the session channels reported as a lost session.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/api/client';
import { guardApi } from '../../renderer/session/guard-api';
import { AppError, CHANNEL_NAMES, fail, mapChannels, ok, type BridgeApi, type BridgeCalls, type Envelope } from '../../shared/ipc';

/** A transport whose every channel answers with what `answer` makes of the call. */
function bridge(answer: (channel: string, request: unknown) => Envelope<unknown>): BridgeApi {
  return { ...mapChannels<BridgeCalls>((channel) => (request?: unknown) => Promise.resolve(answer(channel, request))), on: () => () => undefined };
}

describe('mapChannels', () => {
  it('builds one entry per channel of the contract, each with its own name', async () => {
    const built = mapChannels<BridgeCalls>((channel) => () => Promise.resolve(ok(channel)));
    expect(Object.keys(built).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(await built['devices.page']({ filter: {}, sort: { column: 'deviceName', direction: 'asc' }, offset: 0, limit: 1 })).toEqual({ ok: true, result: 'devices.page' });
  });
});

describe('the renderer API over a transport', () => {
  it('resolves a result and rejects a failed envelope as the AppError it carries', async () => {
    const api = createApi(bridge((channel, request) => (channel === 'smtp.delete' ? fail(new AppError({ code: 'conflict', message: 'Busy.', reason: 'smtp.busy' })) : ok({ channel, request }))));
    expect(await api['devices.detail']({ id: 'd-1' })).toEqual({ channel: 'devices.detail', request: { id: 'd-1' } });
    const refused = api['smtp.delete']();
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: 'Busy.', reason: 'smtp.busy' });
  });

  it('reports a refused call as a lost session, except on the channels that manage the session', async () => {
    let refusals = 0;
    const api = guardApi(createApi(bridge(() => fail(new AppError({ code: 'forbidden', message: 'No.' })))), () => (refusals += 1));
    await expect(api['dashboard.get']()).rejects.toMatchObject({ code: 'forbidden' });
    expect(refusals).toBe(1);
    await expect(api['session.signOut']()).rejects.toMatchObject({ code: 'forbidden' });
    expect(refusals).toBe(1);
  });
});
