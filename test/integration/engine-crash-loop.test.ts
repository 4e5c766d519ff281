// An engine whose process dies at every start: each call that needs it says so, and after
// more than five crashes in a minute the host stops trying and the renderer is told to start
// it again, as an AppError with its code and words, not as an unexpected error.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/dispatcher';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { connectDemoTenant } from '../../electron/core/tenant-connection';
import { createMemoryLogger } from '../../electron/http/logger';
import type { Envelope } from '../../shared/ipc';
import { makeTempDir } from '../support/temp-dir';

const ADMIN: CallContext = { role: 'full', user: { id: 'u', displayName: 'U' } };
const connector = { heartbeatMinutes: 15, enrollmentGroups: ['Mobile Users'], newDeviceCheckMinutes: 5, stateSync: { deviceStatus: true, threatStatus: true }, errorReportRecipients: ['secops@contoso.com'] };
const CRASH_LOOP = 'The polling engine stopped after crashing repeatedly; start it again from System > Connectors.';

describe('engine crash loop', () => {
  const temp = makeTempDir('mtd-engine-crash-loop-');
  let core: Core;
  let launches = 0;
  const call = (channel: string, payload?: unknown): Promise<Envelope<unknown>> => core.dispatcher.dispatch(channel, payload, ADMIN);

  beforeAll(() => {
    const launcher = nodeEngineLauncher(path.resolve(import.meta.dirname, '../support/dying-engine-process.ts'));
    core = createCore({
      version: '1.0.0',
      host: 'browser',
      dataDir: temp.dir,
      logger: createMemoryLogger(),
      connect: () => connectDemoTenant({ devices: 20, seed: 'crash-loop' }),
      engineLauncher: () => {
        launches += 1;
        return launcher();
      },
    });
  });
  afterAll(async () => {
    await core.close();
    temp.cleanup();
  });

  it('reaches the renderer as an unavailable AppError that says to start the engine again, and an admin start tries again', async () => {
    expect(await call('connector.save', connector)).toMatchObject({ ok: true });
    expect(await call('engine.start')).toEqual({ ok: false, error: { code: 'unavailable', message: "The engine's process ended before it was ready (exit code 70)." } });
    let answer: Envelope<unknown> | undefined;
    for (let attempt = 0; attempt < 10; attempt++) {
      answer = await call('stateSync.drift');
      expect(answer.ok, JSON.stringify(answer)).toBe(false);
      if (!answer.ok && answer.error.message === CRASH_LOOP) break;
    }
    expect(answer).toEqual({ ok: false, error: { code: 'unavailable', message: CRASH_LOOP } });
    // Given up: reading asks no new process of the launcher.
    const given = launches;
    expect(launches).toBeGreaterThan(5);
    expect(await call('stateSync.drift')).toEqual({ ok: false, error: { code: 'unavailable', message: CRASH_LOOP } });
    expect(launches).toBe(given);
    expect(await call('engine.start')).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('ended before it was ready') } });
    expect(launches).toBeGreaterThan(given);
  }, 60_000);
});
