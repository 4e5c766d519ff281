import fs from 'node:fs';
import { createAppService, type AppServiceOptions } from './app-service';
import { AuditLog } from './audit/audit-log';
import { createConfigurationService } from './configuration-service';
import { enrollmentPreview } from './directory/enrollment-preview';
import { checkGroups, publicCheck } from './directory/group-check';
import { createDispatcher, type CallContext, type Dispatcher, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import type { Logger } from './logger';
import { SessionManager } from './session';
import type { SettingsBackendFactory } from './settings/settings-backend';
import { SettingsStore } from './settings/settings-store';
import { connectDemoTenant, type TenantConnection } from './tenant-connection';

export interface CoreOptions extends AppServiceOptions {
  logger: Logger;
  /** electron-store in the Electron shell; conf by default. */
  settingsBackend?: SettingsBackendFactory;
  /** The tenant to talk to; the embedded demo tenant, built on first use, by default. */
  connect?: () => TenantConnection;
  /** The sessions' clock (tests move it to expire a session). */
  now?: () => Date;
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

  const handlers: Handlers = {
    'app.info': () => app.info(),
    'app.health': () => app.health(),
    'settings.get': () => config.systemSettings(),
    'access.save': (request, context) => config.saveAccess(request, context),
    'connector.save': (request, context) => config.saveConnector(request, context),
    'connector.delete': (_request, context) => config.deleteConnector(context),
    'enrollmentSettings.save': (request, context) => config.saveEnrollmentSettings(request, context),
    'classifications.list': () => config.classifications(),
    'classifications.setLevel': (request, context) => config.setClassificationLevel(request, context),
    'classifications.reset': (_request, context) => config.resetClassifications(context),
    'preferences.get': (_request, context) => config.preferences(context),
    'preferences.save': (request, context) => config.savePreferences(request, context),
    'groups.validate': async (request) => ({ results: (await checkGroups(tenant().graph, request.names)).map(publicCheck) }),
    'enrollment.preview': (request) => enrollmentPreview(tenant().graph, request.names),
    'audit.list': (request) => config.auditPage(request),
    'audit.exportCsv': (request) => config.auditCsv(request),
    'session.get': () => sessions.view(),
    'session.signInDemo': (request) => sessions.signInDemo(request.userPrincipalName),
    'session.signOut': () => sessions.signOut(),
    'consent.grant': () => sessions.grantConsent(),
    'consent.decline': () => sessions.declineConsent(),
  };
  return {
    dispatcher: createDispatcher(handlers, options.logger, {
      onDenied: (channel, context) =>
        audit.record({ actor: context.user?.displayName ?? 'signed-out caller', action: 'call.denied', target: channel, outcome: 'denied', changes: [] }),
    }),
    events,
    session: () => sessions.context(),
    close: async () => {},
  };
}
