// Everything the console does, without Electron: the tenant profiles, and the active
// profile's runtime (settings, sign-in, engine) behind one dispatcher.
import fs from 'node:fs';
import { AppError, appError, mapChannels, type ChannelName, type ProfileAddRequest, type ProfileList } from '../../shared/ipc';
import type { profileAddSchema } from '../../shared/ipc/profile-channels';
import type { z } from '../../shared/ipc/zod';
import type { SecretCipher } from '../auth/secret-cipher';
import { createAppService, type AppServiceOptions } from './app-service';
import { keepDemoClock, type KeptDemoClock } from './demo-clock-file';
import { createDispatcher, type CallContext, type Dispatcher, type Handlers } from './dispatcher';
import { auditActor } from './audit/audit-log';
import type { EngineLauncher } from './engine/engine-launcher';
import { createEventBus, type EventBus } from './event-bus';
import type { Logger } from '../http/logger';
import { startProfileRuntime, type ProfileRuntime } from './profile-runtime';
import { endpointsFor, endpointsOverride } from './profiles/cloud-endpoints';
import { DEMO_PROFILE_ID, ProfileRegistry } from './profiles/profile-registry';
import { readClientCertificate } from './profiles/client-certificate';
import { CLIENT_CERTIFICATE, CLIENT_SECRET, LOOKOUT_APP_KEY } from './profiles/real-tenant';
import { resolveTenantId } from './profiles/tenant-resolution';
import { encryptedSecretStore, memorySecretStore, type SecretStore } from './secrets/secret-store';
import type { SettingsBackendFactory } from './settings/settings-backend';
import { SettingsStore } from './settings/settings-store';
import { connectDemoTenant, type TenantConnection } from './tenant-connection';

/** A handler seen by channel name: method syntax compares parameters both ways, so every channel's own handler is one. */
type LooseHandler = { handle(request: unknown, context: CallContext): unknown }['handle'];

export interface CoreOptions extends AppServiceOptions {
  logger: Logger;
  /** electron-store in the Electron shell; conf by default. */
  settingsBackend?: SettingsBackendFactory;
  /** The demo profile's tenant; the embedded demo tenant, built on first use, by default. */
  connect?: () => TenantConnection;
  /** The sessions' clock (tests move it to expire a session). */
  now?: () => Date;
  /** Starts the polling engine's process; without it the core runs no engine (unit tests). */
  engineLauncher?: EngineLauncher;
  /** The demo profile's secrets, when given; otherwise each profile's come from `cipher` (or memory). */
  secrets?: SecretStore;
  /** The OS key store (safeStorage in the Electron shell): encrypts each profile's secrets and token cache. Without it they last one run. */
  cipher?: SecretCipher;
  /** Opens the system browser for sign-in (Electron's shell.openExternal); the browser host's tab opens pages itself. */
  openExternal?: (url: string) => Promise<void>;
  /** Environment for MTD_CONSOLE_ENDPOINTS; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** How long the engine waits on a silent event stream before it counts it as caught up. */
  engineStreamIdleMs?: number;
}

export interface Core {
  dispatcher: Dispatcher;
  events: EventBus;
  /** The caller's session for a call from the window or the browser tab. */
  session(): CallContext;
  /** The sign-in or consent page under way, which the window may open in the system browser again; null otherwise. */
  browserStepUrl(): string | null;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = createEventBus();
  const logger = options.logger;
  const registry = new ProfileRegistry(options.dataDir, options.now);
  if (registry.startupNotice) logger.warn(registry.startupNotice);
  const override = endpointsOverride(options.env ?? process.env);
  const endpoints = (connection: Parameters<typeof endpointsFor>[0]) => endpointsFor(connection, override);
  let demoConnection: TenantConnection | undefined;
  let keptClock: KeptDemoClock | undefined;
  const demo = (): TenantConnection => {
    if (demoConnection) return demoConnection;
    demoConnection = (options.connect ?? connectDemoTenant)();
    if (demoConnection.demoTenant) keptClock = keepDemoClock(demoConnection.demoTenant.clock, registry.dataDirOf(DEMO_PROFILE_ID), logger);
    return demoConnection;
  };
  // Memory stores outlive a profile switch, so a run-only secret is not lost by switching away and back.
  const memoryStores = new Map<string, SecretStore>();
  const secretsOf = (profileId: string): SecretStore => {
    if (profileId === DEMO_PROFILE_ID && options.secrets) return options.secrets;
    if (options.cipher) {
      const store = encryptedSecretStore(registry.dataDirOf(profileId), options.cipher);
      if (store.storage === 'encrypted') return store;
    }
    let store = memoryStores.get(profileId);
    if (!store) memoryStores.set(profileId, (store = memorySecretStore()));
    return store;
  };

  const start = (profileId: string): Promise<ProfileRuntime> =>
    startProfileRuntime({
      profile: registry.get(profileId)!,
      dataDir: registry.dataDirOf(profileId),
      logger,
      events,
      settingsBackend: options.settingsBackend,
      secrets: secretsOf(profileId),
      cipher: options.cipher,
      demo,
      endpoints,
      endpointsOverridden: override !== null,
      openExternal: options.openExternal,
      engineLauncher: options.engineLauncher,
      engineStreamIdleMs: options.engineStreamIdleMs,
      now: options.now,
    });

  const startOrFallBack = async (profileId: string): Promise<ProfileRuntime> => {
    try {
      return await start(profileId);
    } catch (error) {
      if (profileId === DEMO_PROFILE_ID) throw error;
      logger.error(`The tenant profile ${profileId} could not be opened; opening the demo tenant instead: ${String(error)}`);
      registry.activate(DEMO_PROFILE_ID);
      return start(DEMO_PROFILE_ID);
    }
  };

  let runtime: Promise<ProfileRuntime> = startOrFallBack(registry.active().id);
  let current: ProfileRuntime | null = null;
  void runtime.then((r) => (current = r)).catch((error: unknown) => logger.error(`The console could not open its tenant profile: ${String(error)}`));
  let closed = false;

  const app = createAppService(options, {
    get startupNotices() {
      return [...(current?.settings.startupNotices ?? []), ...(registry.startupNotice ? [{ level: 'warning' as const, message: registry.startupNotice }] : [])];
    },
  });

  const switchTo = async (profileId: string): Promise<void> => {
    const previous = await runtime;
    if (previous.profile.id === profileId) return;
    current = null;
    registry.activate(profileId);
    const next = (async () => {
      await previous.close();
      return startOrFallBack(profileId);
    })();
    runtime = next;
    current = await next;
  };

  /**
   * The same profile opened again: a saved connection changes the app registration, the
   * cloud or the polling identity, which the sign-in, main's Graph client and the engine
   * were all made with. The session comes back silently from the token cache.
   */
  const reopen = async (): Promise<ProfileRuntime> => {
    const previous = await runtime;
    const next = (async () => {
      await previous.close();
      return startOrFallBack(previous.profile.id);
    })();
    runtime = next;
    current = await next;
    return current;
  };


  const addProfile = async (request: z.output<typeof profileAddSchema>, context: CallContext): Promise<ProfileList> => {
    const override = endpointsOverride(options.env ?? process.env);
    const authorityHost = override?.authorityHost ?? endpointsFor({ cloud: request.cloud, lookoutBaseUrl: request.lookoutBaseUrl } as Parameters<typeof endpointsFor>[0], null).authorityHost;
    // Read before anything is made: a key of another certificate, or an expired one, adds nothing.
    if (request.clientCertificate) readClientCertificate(request.clientCertificate, (options.now ?? (() => new Date()))());
    const tenantId = await resolveTenantId(request.tenant, authorityHost);
    const profile = registry.add(request.name, tenantId);
    try {
      const settings = new SettingsStore(registry.dataDirOf(profile.id), options.settingsBackend);
      const now = (options.now ?? (() => new Date()))().toISOString();
      settings.update((draft) => {
        draft.connection = {
          tenant: request.tenant,
          tenantId,
          clientId: request.clientId,
          cloud: request.cloud,
          pollingIdentity: request.pollingIdentity,
          lookoutBaseUrl: request.lookoutBaseUrl,
          lookoutKeySetAt: now,
        };
        draft.access = {
          tenantId,
          fullAccessGroupId: request.fullAccessGroupId,
          ...(request.restrictedAccessGroupId ? { restrictedAccessGroupId: request.restrictedAccessGroupId } : {}),
        };
      });
      const secrets = secretsOf(profile.id);
      secrets.set(LOOKOUT_APP_KEY, request.lookoutAppKey);
      if (request.clientSecret) secrets.set(CLIENT_SECRET, request.clientSecret);
      if (request.clientCertificate) secrets.set(CLIENT_CERTIFICATE, request.clientCertificate);
    } catch (error) {
      registry.remove(profile.id);
      memoryStores.delete(profile.id);
      throw error;
    }
    (await runtime).audit.record({
      ...auditActor(context.user),
      action: 'profile.added',
      target: `Tenant ${request.name}`,
      outcome: 'ok',
      changes: [
        { field: 'profile.name', before: null, after: request.name },
        { field: 'profile.tenantId', before: null, after: tenantId },
        { field: 'connection.clientId', before: null, after: request.clientId },
        { field: 'connection.cloud', before: null, after: request.cloud },
        { field: 'connection.pollingIdentity', before: null, after: request.pollingIdentity },
      ],
    });
    return registry.list();
  };

  const profileHandlers: Pick<Handlers, 'profiles.list' | 'profiles.switch' | 'profiles.add' | 'profiles.rename' | 'profiles.remove' | 'connection.save' | 'app.info' | 'app.health'> = {
    'app.info': async () => {
      const active = registry.active();
      return { ...app.info(), mode: active.kind, tenantConfigured: active.kind === 'real' };
    },
    'app.health': () => app.health(),
    'profiles.list': () => registry.list(),
    'profiles.switch': async (request) => {
      if (!registry.get(request.id)) throw appError('not_found', 'profile.unknown', { id: request.id }, { field: 'id', rule: 'a known profile' });
      await switchTo(request.id);
      return registry.list();
    },
    'profiles.add': (request, context) => addProfile(request, context),
    'connection.save': async (request, context) => {
      const saved = await (await runtime).handlers['connection.save'](request, context);
      const reopened = await reopen();
      return { ...saved, ...(await reopened.handlers['connection.get'](undefined, context)) };
    },
    'profiles.rename': async (request, context) => {
      const { before, after } = registry.rename(request.id, request.name);
      if (before !== after) (await runtime).audit.record({ ...auditActor(context.user), action: 'profile.renamed', target: `Tenant ${after}`, outcome: 'ok', changes: [{ field: 'profile.name', before, after }] });
      return registry.list();
    },
    'profiles.remove': async (request, context) => {
      const profile = registry.get(request.id);
      if (!profile) throw appError('not_found', 'profile.unknown', { id: request.id }, { field: 'id', rule: 'a known profile' });
      if (profile.kind === 'demo') throw appError('conflict', 'profile.demoNotRemovable', {}, { field: 'id', rule: 'not the demo tenant' });
      const active = await runtime;
      // The removing admin's audit log keeps the record; the removed profile's own goes with its data.
      const auditLog = active.profile.id === profile.id ? null : active.audit;
      if (active.profile.id === profile.id) await switchTo(DEMO_PROFILE_ID);
      registry.remove(profile.id);
      memoryStores.delete(profile.id);
      (auditLog ?? (await runtime).audit).record({ ...auditActor(context.user), action: 'profile.removed', target: `Tenant ${profile.name}`, outcome: 'ok', changes: [{ field: 'profile.name', before: profile.name, after: null }] });
      return registry.list();
    },
  };

  // What the registry does not answer itself, the active profile's runtime does.
  const delegated = mapChannels<Handlers>((channel) => async (request: unknown, context: CallContext) => {
    const runtimeHandlers: Partial<Record<ChannelName, LooseHandler>> = (await runtime).handlers;
    const handler = runtimeHandlers[channel];
    if (!handler) throw new AppError({ code: 'internal', message: `The tenant profile does not answer ${channel}.` });
    return handler(request, context);
  });
  const handlers: Handlers = { ...delegated, ...profileHandlers };

  return {
    dispatcher: createDispatcher(handlers, logger, {
      onDenied: (channel, context) => current?.audit.record({ ...(context.user ? auditActor(context.user) : { actor: 'signed-out caller' }), action: 'call.denied', target: channel, outcome: 'denied', changes: [] }),
    }),
    events,
    session: () => current?.session() ?? { role: null },
    browserStepUrl: () => current?.browserStepUrl() ?? null,
    close: async () => {
      if (closed) return;
      closed = true;
      await (await runtime.catch(() => null))?.close();
      keptClock?.close();
    },
  };
}

export type { ProfileAddRequest };
