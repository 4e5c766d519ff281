import { afterAll, beforeAll } from 'vitest';
// The console's core in the test's own process, behind the same contract the window and the
// browser tab use: the renderer's calls go straight to the real dispatcher, with the session
// main holds, and the core's events come back as the preload's `on` delivers them.
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import { nodeEngineLauncher } from '../../electron/core/engine/engine-launcher';
import { createMemoryLogger } from '../../electron/http/logger';
import { connectDemoTenant, type TenantConnection } from '../../electron/core/tenant-connection';
import type { IntuneConnectorSettings } from '../../shared/config/configuration-schema';
import { CHANNEL_NAMES, type Api, type BridgeApi, type EngineStatusView, type EventName, type Session, type Subscribe } from '../../shared/ipc';
import { createApi } from '../../renderer/api/client';
import { makeTempDir } from '../support/temp-dir';

export const GLOBAL_ADMIN = 'globaladmin@contoso.example';
export const FULL_USER = 'fullaccess@contoso.example';
export const RESTRICTED_USER = 'restricted@contoso.example';

export const CONNECTOR: IntuneConnectorSettings = {
  heartbeatMinutes: 15,
  enrollmentGroups: ['Mobile Users', 'Mobile Pilot'],
  newDeviceCheckMinutes: 5,
  stateSync: { deviceStatus: true, threatStatus: true },
  errorReportRecipients: ['secops@contoso.com'],
};

export interface InProcessCore {
  core: Core;
  tenant: TenantConnection;
  /** The renderer's API over this core, as the app's ApiProvider takes it. */
  api: Api;
  /** Calls the dispatcher as the signed-in user would; rejects with the AppError main answers. */
  call: Api;
  /** How many times each channel was called through `api` (to see which pages the screen asked for). */
  calls: Map<string, unknown[]>;
  /** Consent given, then signed in as this demo user. */
  signIn(userPrincipalName?: string): Promise<Session>;
  /** Saves the connector and waits for the engine's first finished poll. */
  pollOnce(connector?: IntuneConnectorSettings): Promise<EngineStatusView>;
  close(): Promise<void>;
}

/** Crosses the boundary as JSON does: the renderer never holds the core's own objects. */
const copied = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function startInProcessCore({ devices = 60, seed = 'renderer', engine = true, ...coreOptions }: { devices?: number; seed?: string; engine?: boolean } & Partial<CoreOptions> = {}): InProcessCore {
  const temp = makeTempDir('mtd-renderer-');
  const tenant = connectDemoTenant({ devices, seed });
  // A frozen tenant clock: the rows a test reads do not move while it reads them.
  tenant.demoTenant!.clock.setSpeed(0);
  const core = createCore({
    version: '1.0.0',
    host: 'browser',
    dataDir: temp.dir,
    logger: createMemoryLogger(),
    connect: () => tenant,
    ...(engine ? { engineLauncher: nodeEngineLauncher(), engineStreamIdleMs: 200 } : {}),
    ...coreOptions,
  });
  const calls = new Map<string, unknown[]>();

  const raw: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    raw[channel] = async (payload?: unknown) => {
      calls.set(channel, [...(calls.get(channel) ?? []), copied(payload)]);
      return copied(await core.dispatcher.dispatch(channel, copied(payload), core.session()));
    };
  }
  const on: Subscribe = (event, listener) =>
    core.events.subscribe((name: EventName, payload) => {
      if (name === event) listener(copied(payload) as Parameters<typeof listener>[0]);
    });
  const api = createApi({ ...raw, on } as unknown as BridgeApi);

  const direct: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) direct[channel] = async (payload?: unknown) => copied(await core.dispatcher.dispatch(channel, payload, core.session()));
  const call = createApi({ ...direct, on } as unknown as BridgeApi);

  return {
    core,
    tenant,
    api,
    call,
    calls,
    async signIn(userPrincipalName = GLOBAL_ADMIN) {
      if (!(await call['session.get']()).consentRecorded) {
        await call['session.signInDemo']({ userPrincipalName: GLOBAL_ADMIN });
        const granted = await call['consent.grant']();
        if (userPrincipalName === GLOBAL_ADMIN) return granted;
      }
      return call['session.signInDemo']({ userPrincipalName });
    },
    async pollOnce(connector = CONNECTOR) {
      const polled = new Promise<EngineStatusView>((resolve) => {
        const unsubscribe = core.events.subscribe((event, payload) => {
          const status = payload as EngineStatusView;
          if (event === 'engine.status' && status.lastPoll !== null && status.state !== 'polling') {
            unsubscribe();
            resolve(status);
          }
        });
      });
      const signedIn = core.session().role;
      if (signedIn !== 'full') throw new Error('pollOnce saves the connector: sign in with Full first.');
      await call['connector.save'](connector);
      return polled;
    },
    async close() {
      await core.close();
      temp.cleanup();
    },
  };
}

/** A core with a signed-in Full admin and one finished poll, started before a file's tests and closed after them. */
export function polledCoreForFile(options: { devices: number; seed: string }): () => InProcessCore {
  let app: InProcessCore | undefined;
  beforeAll(async () => {
    app = startInProcessCore(options);
    await app.signIn();
    await app.pollOnce();
  }, 60_000);
  afterAll(() => app?.close());
  return () => {
    if (!app) throw new Error('The core starts before the tests.');
    return app;
  };
}
