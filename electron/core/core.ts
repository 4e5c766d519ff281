import fs from 'node:fs';
import { createAppService, type AppServiceOptions } from './app-service';
import { AuditLog } from './audit/audit-log';
import { createConfigurationService } from './configuration-service';
import { enrollmentPreview } from './directory/enrollment-preview';
import { checkGroups, publicCheck } from './directory/group-check';
import { createDispatcher, type CallContext, type Dispatcher, type Handlers } from './dispatcher';
import { EngineHost } from './engine/engine-host';
import { engineConfigFrom } from './engine/engine-config-from-settings';
import type { EngineLauncher } from './engine/engine-launcher';
import { createEngineService, demoEndpoints } from './engine/engine-service';
import { createDemoClockService } from './demo-clock-service';
import { createEventBus, type EventBus } from './event-bus';
import type { Logger } from './logger';
import { SessionManager } from './session';
import type { SettingsBackendFactory } from './settings/settings-backend';
import { SettingsStore } from './settings/settings-store';
import { memorySecretStore, type SecretStore } from './secrets/secret-store';
import { createSmtpService } from './smtp-service';
import { connectDemoTenant, type TenantConnection } from './tenant-connection';

export interface CoreOptions extends AppServiceOptions {
  logger: Logger;
  /** electron-store in the Electron shell; conf by default. */
  settingsBackend?: SettingsBackendFactory;
  /** The tenant to talk to; the embedded demo tenant, built on first use, by default. */
  connect?: () => TenantConnection;
  /** The sessions' clock (tests move it to expire a session). */
  now?: () => Date;
  /** Starts the polling engine's process; without it the core runs no engine (unit tests). */
  engineLauncher?: EngineLauncher;
  /** Where secrets are kept: safeStorage-encrypted in the Electron shell, memory otherwise. */
  secrets?: SecretStore;
  /** How long the engine waits on a silent event stream before it counts it as caught up. */
  engineStreamIdleMs?: number;
}

/** Everything the console does, without Electron: the Electron shell and the browser host both wrap one of these. */
export interface Core {
  dispatcher: Dispatcher;
  events: EventBus;
  /** The caller's session for a call from the window or the browser tab. */
  session(): CallContext;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const events = createEventBus();
  const settings = new SettingsStore(options.dataDir, options.settingsBackend);
  for (const notice of settings.startupNotices) options.logger.warn(notice.message);
  const audit = new AuditLog(options.dataDir, options.logger);
  const app = createAppService(options, settings);
  const config = createConfigurationService(settings, audit);
  let connection: TenantConnection | undefined;
  const tenant = (): TenantConnection => (connection ??= (options.connect ?? connectDemoTenant)());
  const sessions = new SessionManager(settings, audit, tenant, options.now);
  const demo = demoEndpoints(tenant);
  let lastPollSeen: number | undefined;
  const engineHost = options.engineLauncher
    ? new EngineHost({
        launcher: options.engineLauncher,
        dataDir: options.dataDir,
        logger: options.logger,
        endpoints: demo.endpoints,
        clock: demo.clock,
        config: () => engineConfigFrom(settings.get()),
        smtp: () => smtp.connection(),
        onStatus: (status) => {
          events.emit('engine.status', status);
          if (status.lastPoll && status.lastPoll.id !== lastPollSeen) {
            lastPollSeen = status.lastPoll.id;
            void sessions.recheckRole().catch((error: unknown) => options.logger.warn(`The signed-in user's role could not be re-checked: ${String(error)}`));
          }
        },
        watchClock: (changed) => tenant().demoTenant?.clock.onChange(changed) ?? (() => undefined),
        ...(options.engineStreamIdleMs !== undefined ? { streamIdleMs: options.engineStreamIdleMs } : {}),
      })
    : undefined;
  const smtp = createSmtpService(settings, options.secrets ?? memorySecretStore(), audit, () => engineHost?.smtpChanged());
  const demoClock = createDemoClockService(tenant);
  const engine = createEngineService(engineHost, options.logger, () => settings.get().connector !== null);
  // The engine runs while a connector is configured, unless an admin stopped it.
  let stoppedByAdmin = false;
  const followSettings = (): void => {
    if (!engineHost) return;
    engineHost.configure();
    if (!stoppedByAdmin && engineConfigFrom(settings.get()) !== null) {
      void engineHost.start().catch((error: unknown) => options.logger.error(`The polling engine could not start: ${String(error)}`));
    }
  };
  // Every accepted configuration change reaches the engine before the call answers.
  const reconfiguring = <A extends unknown[], R>(handler: (...args: A) => R) => (...args: A): R => {
    const result = handler(...args);
    followSettings();
    return result;
  };
  followSettings();

  const handlers: Handlers = {
    'app.info': () => app.info(),
    'app.health': () => app.health(),
    'settings.get': () => config.systemSettings(),
    'access.save': (request, context) => config.saveAccess(request, context),
    'connector.save': reconfiguring((request, context) => config.saveConnector(request, context)),
    'connector.delete': reconfiguring((_request, context) => config.deleteConnector(context)),
    'enrollmentSettings.save': reconfiguring((request, context) => config.saveEnrollmentSettings(request, context)),
    'classifications.list': () => config.classifications(),
    'classifications.setLevel': reconfiguring((request, context) => config.setClassificationLevel(request, context)),
    'classifications.reset': reconfiguring((_request, context) => config.resetClassifications(context)),
    'preferences.get': (_request, context) => config.preferences(context),
    'preferences.save': reconfiguring((request, context) => config.savePreferences(request, context)),
    'groups.validate': async (request) => ({ results: (await checkGroups(tenant().graph, request.names)).map(publicCheck) }),
    'enrollment.preview': (request) => enrollmentPreview(tenant().graph, request.names),
    'audit.list': (request) => config.auditPage(request),
    'audit.exportCsv': (request) => config.auditCsv(request),
    'session.get': () => sessions.view(),
    'session.signInDemo': (request) => sessions.signInDemo(request.userPrincipalName),
    'session.signOut': () => sessions.signOut(),
    'consent.grant': () => sessions.grantConsent(),
    'consent.decline': () => sessions.declineConsent(),
    'engine.status': () => engine.status(),
    'engine.start': () => {
      stoppedByAdmin = false;
      return engine.start();
    },
    'engine.stop': () => {
      stoppedByAdmin = true;
      return engine.stop();
    },
    'engine.pollNow': (request) => engine.pollNow(request),
    'enrollment.removalImpact': (request) => engine.removalImpact(request),
    'stateSync.drift': () => engine.drift(),
    'smtp.get': () => smtp.view(),
    'smtp.save': (request, context) => smtp.save(request, context),
    'smtp.delete': (_request, context) => smtp.remove(context),
    'dashboard.get': () => engine.dashboard(),
    'devices.page': (request) => engine.devicePage(request),
    'devices.detail': (request) => engine.deviceDetail(request.id),
    'devices.exportCsv': (request) => engine.devicesCsv(request),
    'demo.clock': () => demoClock.view(),
    'demo.setSpeed': (request) => demoClock.setSpeed(request.speed),
    'demo.advance': (request) => demoClock.advance(request.hours),
  };
  return {
    dispatcher: createDispatcher(handlers, options.logger, {
      onDenied: (channel, context) =>
        audit.record({ actor: context.user?.displayName ?? 'signed-out caller', action: 'call.denied', target: channel, outcome: 'denied', changes: [] }),
    }),
    events,
    session: () => sessions.context(),
    close: async () => {
      await engineHost?.close();
      await demo.close();
    },
  };
}
