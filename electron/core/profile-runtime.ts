// One tenant profile at work: its settings, audit log, sign-in, secrets and polling
// engine, and every channel that acts on the tenant. The core runs the active profile's.
import path from 'node:path';
import type { ConnectionSettings } from '../../shared/config/connection-settings';
import { LOOKOUT_KEY_LIFETIME_DAYS, LOOKOUT_KEY_WARNING_DAYS } from '../../shared/config/connection-settings';
import { AppError, appError, type ConnectionSaveRequest, type ConnectionView, type Profile } from '../../shared/ipc';
import type { SecretCipher } from '../auth/secret-cipher';
import type { TokenProvider } from '../http/token-provider';
import { EncryptedTokenCachePlugin } from '../auth/token-cache-plugin';
import { createGraphClient } from '../graph/graph-client';
import { AuditLog } from './audit/audit-log';
import { auditActor, diff } from './audit/audit-log';
import { createClassificationChannels } from './classification-channels';
import { createConfigurationService } from './configuration-service';
import { createDemoClockService } from './demo-clock-service';
import { enrollmentPreview } from './directory/enrollment-preview';
import { checkGroups, publicCheck } from '../graph/group-check';
import { GroupCheckStore } from './directory/group-check-store';
import { resolveGroups, searchSecurityGroups } from './directory/group-directory';
import type { CallContext, Handlers } from './dispatcher';
import { EngineHost } from './engine/engine-host';
import { engineConfigFrom } from './engine/engine-config-from-settings';
import type { EngineLauncher } from './engine/engine-launcher';
import { createEngineService, demoEndpoints } from './engine/engine-service';
import type { EventBus } from './event-bus';
import type { Logger } from '../http/logger';
import { certificateFacts, readClientCertificate } from './profiles/client-certificate';
import type { ServiceEndpoints } from './profiles/cloud-endpoints';
import { testConnection } from './profiles/connection-test';
import { CLIENT_CERTIFICATE, CLIENT_SECRET, LOOKOUT_APP_KEY, pollingTokens, realEngineEndpoints, realGraph } from './profiles/real-tenant';
import type { SecretStore } from './secrets/secret-store';
import { SessionManager } from './session/demo-session';
import { createEntraIdentity, type EntraIdentity } from './session/entra-identity';
import { EntraSessionManager } from './session/entra-session';
import type { Sessions } from './session/sessions';
import { signInFailure } from './session/sign-in-failure';
import type { SettingsBackendFactory } from './settings/settings-backend';
import { SettingsStore } from './settings/settings-store';
import { createSetupChecklistService } from './setup-checklist-service';
import { createSmtpService } from './smtp-service';
import type { TenantConnection } from './tenant-connection';

export const TOKEN_CACHE_FILE = 'msal-token-cache.bin';
const SIGN_IN_TIMEOUT_MS = 600_000;

export type ProfileHandlers = Omit<Handlers, 'profiles.list' | 'profiles.switch' | 'profiles.add' | 'profiles.rename' | 'profiles.remove' | 'app.info' | 'app.health'>;

export interface ProfileRuntimeOptions {
  profile: Profile;
  dataDir: string;
  logger: Logger;
  events: EventBus;
  settingsBackend?: SettingsBackendFactory | undefined;
  secrets: SecretStore;
  /** Encrypts the token cache; without one (the browser host) it stays in memory for the run. */
  cipher?: SecretCipher | undefined;
  /** The demo tenant (demo profile only). */
  demo?: () => TenantConnection;
  /** The hosts in force for a real profile: its cloud's, or MTD_CONSOLE_ENDPOINTS'. */
  endpoints: (connection: ConnectionSettings) => ServiceEndpoints;
  endpointsOverridden: boolean;
  openExternal?: ((url: string) => Promise<void>) | undefined;
  engineLauncher?: EngineLauncher | undefined;
  engineStreamIdleMs?: number | undefined;
  now?: (() => Date) | undefined;
}

export interface ProfileRuntime {
  profile: Profile;
  settings: SettingsStore;
  audit: AuditLog;
  handlers: ProfileHandlers;
  session(): CallContext;
  browserStepUrl(): string | null;
  close(): Promise<void>;
}

/** A cipher that refuses: the token cache then lives in msal's memory only. */
const NO_CIPHER: SecretCipher = {
  isAvailable: () => false,
  backend: () => 'unknown',
  encrypt: () => {
    throw new Error('No key store.');
  },
  decrypt: () => {
    throw new Error('No key store.');
  },
};

export async function startProfileRuntime(options: ProfileRuntimeOptions): Promise<ProfileRuntime> {
  const { profile, dataDir, logger, events, secrets } = options;
  const now = options.now ?? (() => new Date());
  const settings = new SettingsStore(dataDir, options.settingsBackend);
  for (const notice of settings.startupNotices) logger.warn(notice.message);
  const audit = new AuditLog(dataDir, logger);
  const config = createConfigurationService(settings, audit);
  const profileRef = { id: profile.id, name: profile.name };

  let identity: EntraIdentity | null = null;
  /** A real profile's polling identity's tokens, for main's Graph calls and the engine's alike. */
  let polling: TokenProvider | null = null;
  let tenantConnection: TenantConnection;
  let sessions: Sessions;
  const connection = (): ConnectionSettings | null => settings.get().connection;
  if (profile.kind === 'real') {
    const current = connection();
    if (!current) throw appError('unavailable', 'profile.noConnection', { name: profile.name });
    const endpoints = options.endpoints(current);
    identity = createEntraIdentity({
      clientId: current.clientId,
      tenant: current.tenant,
      tenantId: current.tenantId,
      authorityHost: endpoints.authorityHost,
      cachePlugin: new EncryptedTokenCachePlugin({ filePath: path.join(dataDir, TOKEN_CACHE_FILE), cipher: options.cipher ?? NO_CIPHER, logger }),
      ...(options.openExternal ? { openExternal: options.openExternal } : {}),
      timeoutMs: SIGN_IN_TIMEOUT_MS,
    });
    const signedIn = identity;
    polling = pollingTokens(current, endpoints, secrets, () => signedIn.graphTokens(), now);
    tenantConnection = { mode: 'real', graph: realGraph(endpoints, polling, secrets) };
    sessions = new EntraSessionManager({ identity, settings, audit, logger, dataDir, graphBaseUrl: endpoints.graphBaseUrl, profile: profileRef, now });
  } else {
    if (!options.demo) throw new Error('The demo profile needs the demo tenant.');
    const demo = options.demo;
    tenantConnection = demo();
    sessions = new SessionManager(settings, audit, demo, now, profileRef);
  }
  const tenant = (): TenantConnection => tenantConnection;
  const demo = profile.kind === 'demo' ? demoEndpoints(tenant) : null;

  let lastPollSeen: number | undefined;
  const engineHost = options.engineLauncher
    ? new EngineHost({
        launcher: options.engineLauncher,
        dataDir,
        logger,
        endpoints: async () => {
          if (demo) return demo.endpoints();
          const current = connection()!;
          return realEngineEndpoints(current, options.endpoints(current), secrets);
        },
        clock: () => (demo ? demo.clock() : { tenantTime: Date.now(), realTime: Date.now(), speed: 1 }),
        config: () => engineConfigFrom(settings.get()),
        smtp: () => smtp.connection(),
        onStatus: (status) => {
          events.emit('engine.status', status);
          if (status.lastPoll && status.lastPoll.id !== lastPollSeen) {
            lastPollSeen = status.lastPoll.id;
            void sessions.recheckRole().catch((error: unknown) => logger.warn(`The signed-in user's role could not be re-checked: ${String(error)}`));
          }
        },
        watchClock: (changed) => tenant().demoTenant?.clock.onChange(changed) ?? (() => undefined),
        ...(polling ? { graphToken: (forceRefresh: boolean) => graphTokenFrom(polling, forceRefresh) } : {}),
        ...(options.engineStreamIdleMs !== undefined ? { streamIdleMs: options.engineStreamIdleMs } : {}),
      })
    : undefined;
  const smtp = createSmtpService(settings, secrets, audit, () => engineHost?.smtpChanged());
  const demoClock = createDemoClockService(tenant);
  const engine = createEngineService(engineHost, logger, () => settings.get().connector !== null);
  const setup = createSetupChecklistService({ settings, audit, dashboard: () => engine.dashboard(), now });
  let stoppedByAdmin = false;
  const followSettings = (): void => {
    if (!engineHost) return;
    engineHost.configure();
    if (!stoppedByAdmin && engineConfigFrom(settings.get()) !== null) {
      void engineHost.start().catch((error: unknown) => logger.error(`The polling engine could not start: ${String(error)}`));
    }
  };
  const reconfiguring = <A extends unknown[], R>(handler: (...args: A) => R) => (...args: A): R => {
    const result = handler(...args);
    followSettings();
    return result;
  };

  const classifications = createClassificationChannels({ config, engine, levels: () => settings.get().classificationLevels, followSettings, logger });

  await sessions.restore();
  followSettings();

  const connectionView = (): ConnectionView => {
    const current = connection();
    const setAt = current?.lookoutKeySetAt ? Date.parse(current.lookoutKeySetAt) : null;
    const expiresAt = setAt === null ? null : setAt + LOOKOUT_KEY_LIFETIME_DAYS * 86_400_000;
    const endpoints = current ? options.endpoints(current) : null;
    return {
      settings: current,
      secrets: {
        clientSecret: secrets.get(CLIENT_SECRET) ? 'set' : 'notSet',
        clientCertificate: secrets.get(CLIENT_CERTIFICATE) ? 'set' : 'notSet',
        lookoutAppKey: secrets.get(LOOKOUT_APP_KEY) ? 'set' : 'notSet',
      },
      certificate: certificateFacts(secrets.get(CLIENT_CERTIFICATE), now()),
      secretStorage: secrets.storage,
      hosts: endpoints ? { authority: endpoints.authorityHost, graph: endpoints.graphBaseUrl, lookout: endpoints.lookoutBaseUrl } : null,
      endpointsOverridden: options.endpointsOverridden,
      lookoutKeyExpiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      lookoutKeyExpiringSoon: expiresAt !== null && expiresAt - now().getTime() <= LOOKOUT_KEY_WARNING_DAYS * 86_400_000,
    };
  };

  const saveConnection = (request: ConnectionSaveRequest & { tenant: string; clientId: string }, context: CallContext): ConnectionView => {
    const before = connection();
    if (!before) throw appError('conflict', 'profile.demoHasNoConnection', {});
    if (request.pollingIdentity === 'appSecret' && !request.clientSecret && !secrets.get(CLIENT_SECRET)) {
      throw AppError.validation([{ field: 'clientSecret', rule: 'required', message: 'clientSecret: Client secret is required when the polling identity is the app with a client secret.' }]);
    }
    if (request.pollingIdentity === 'appCertificate' && !request.clientCertificate && !secrets.get(CLIENT_CERTIFICATE)) {
      throw AppError.validation([{ field: 'clientCertificate', rule: 'required', message: 'clientCertificate: Client certificate is required when the polling identity is the app with a certificate.' }]);
    }
    // Read before anything is saved: a key of another certificate, or an expired one, saves nothing.
    const certificate = request.clientCertificate ? readClientCertificate(request.clientCertificate, now()) : null;
    if (request.tenant !== before.tenant && request.tenant !== before.tenantId) {
      throw AppError.validation([{ field: 'tenant', rule: 'same tenant', message: 'tenant: A profile stays with its tenant; add a new tenant profile for another one.' }]);
    }
    const beforeThumbprint = certificateFacts(secrets.get(CLIENT_CERTIFICATE), now())?.thumbprintSha256 ?? null;
    const { after } = settings.update((draft) => {
      draft.connection = {
        ...before,
        clientId: request.clientId,
        cloud: request.cloud,
        pollingIdentity: request.pollingIdentity,
        lookoutBaseUrl: request.lookoutBaseUrl,
        ...(request.lookoutAppKey ? { lookoutKeySetAt: now().toISOString() } : {}),
      };
    });
    if (request.clientSecret) secrets.set(CLIENT_SECRET, request.clientSecret);
    if (request.clientCertificate) secrets.set(CLIENT_CERTIFICATE, request.clientCertificate);
    if (request.lookoutAppKey) secrets.set(LOOKOUT_APP_KEY, request.lookoutAppKey);
    const changes = diff(before, after.connection, 'connection');
    if (request.clientSecret) changes.push({ field: 'connection.clientSecret', before: 'set', after: 'replaced' });
    // The thumbprint is public (the app registration lists it): the audit says which certificate.
    if (certificate) changes.push({ field: 'connection.clientCertificate', before: beforeThumbprint, after: certificate.thumbprintSha256 });
    if (request.lookoutAppKey) changes.push({ field: 'connection.lookoutAppKey', before: 'set', after: 'replaced' });
    if (changes.length > 0) audit.record({ ...auditActor(context.user), action: 'settings.changed', target: 'Tenant connection', outcome: 'ok', changes });
    return connectionView();
  };

  const groupChecks = new GroupCheckStore(dataDir);
  /** Checked at save, so the tab can say which saved groups enroll nothing after a reload; a Graph failure does not undo the save. */
  const recordGroupChecks = async (names: string[]): Promise<void> => {
    try {
      const results = (await checkGroups(tenant().graph, names)).map(publicCheck);
      groupChecks.set({ names, checkedAt: now().toISOString(), results, error: null });
    } catch (error) {
      groupChecks.set({ names, checkedAt: now().toISOString(), results: [], error: error instanceof Error ? error.message : String(error) });
    }
  };

  const handlers: ProfileHandlers = {
    'settings.get': () => config.systemSettings(),
    'access.save': (request, context) => {
      const current = connection();
      if (current && request.tenantId.toLowerCase() !== current.tenantId) {
        throw AppError.validation([{ field: 'tenantId', rule: 'the profile\'s tenant', message: `tenantId: This profile connects to tenant ${current.tenantId}; the tenant ID cannot change. Add a new tenant profile for another tenant.` }]);
      }
      return config.saveAccess(request, context);
    },
    'connector.save': async (request, context) => {
      const saved = reconfiguring((r: typeof request, c: typeof context) => config.saveConnector(r, c))(request, context);
      await recordGroupChecks(saved.enrollmentGroups);
      return saved;
    },
    'connector.delete': reconfiguring((_request, context) => {
      groupChecks.clear();
      return config.deleteConnector(context);
    }),
    'enrollmentSettings.save': reconfiguring((request, context) => {
      const saved = config.saveEnrollmentSettings(request, context);
      // Saving, even the default unchanged, is the admin confirming the Disconnected Status step.
      setup.mark('disconnectedStatus', context);
      return saved;
    }),
    'classifications.list': () => classifications.list(),
    'classifications.setLevel': (request, context) => classifications.setLevel(request, context),
    'classifications.reset': (_request, context) => classifications.reset(context),
    'classifications.impact': (request) => classifications.impact(request),
    'preferences.get': (_request, context) => config.preferences(context),
    'preferences.save': reconfiguring((request, context) => config.savePreferences(request, context)),
    'groups.validate': async (request) => ({ results: (await checkGroups(tenant().graph, request.names)).map(publicCheck) }),
    'enrollment.preview': (request) => enrollmentPreview(tenant().graph, request.names),
    'audit.list': (request) => config.auditPage(request),
    'audit.exportCsv': (request) => config.auditCsv(request),
    'session.get': () => sessions.view(),
    'session.signInDemo': (request) => sessions.signInDemo(request.userPrincipalName),
    'session.signOut': () => sessions.signOut(),
    'session.beginSignIn': () => sessions.beginSignIn(),
    'session.completeSignIn': () => sessions.completeSignIn(),
    'session.cancelSignIn': () => sessions.cancelSignIn(),
    'consent.begin': () => sessions.beginConsent(),
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
    'stateSync.syncNow': async (_request, context) => {
      const result = await engine.syncNow();
      if (result.mode === 'sync') {
        const devices = result.reported === 1 ? '1 device' : `${result.reported} devices`;
        audit.record({ actor: context.user?.displayName ?? 'unknown', action: 'stateSync.sent', target: `State sync: ${devices} reported to Intune`, outcome: 'ok', changes: [] });
      }
      return result;
    },
    'smtp.get': () => smtp.view(),
    'smtp.save': (request, context) => smtp.save(request, context),
    'smtp.delete': (_request, context) => smtp.remove(context),
    'dashboard.get': () => engine.dashboard(),
    'devices.page': (request) => engine.devicePage(request),
    'devices.detail': (request) => engine.deviceDetail(request.id),
    'devices.exportCsv': (request) => engine.devicesCsv(request),
    'threats.page': (request) => engine.threatPage(request),
    'threats.options': () => engine.threatOptions(),
    'demo.clock': () => demoClock.view(),
    'demo.setSpeed': (request) => demoClock.setSpeed(request.speed),
    'demo.advance': (request) => demoClock.advance(request.hours),
    'setup.checklist': () => setup.checklist(),
    'classifications.markReviewed': (_request, context) => ({ reviewed: setup.mark('classificationsReviewed', context) }),
    'directory.searchGroups': async (request) => ({ groups: await searchSecurityGroups(tenant().graph, request.prefix, request.limit) }),
    'directory.resolveGroups': async (request) => ({ groups: await resolveGroups(tenant().graph, request.ids) }),
    'enrollment.groupChecks': () => {
      const stored = groupChecks.get();
      const saved = settings.get().connector?.enrollmentGroups;
      // Results for other names than the saved ones (an edit in another window) are not the saved groups' verdict.
      if (!stored || !saved || stored.names.length !== saved.length || stored.names.some((name, i) => name !== saved[i])) return null;
      return stored;
    },
    'connection.get': () => connectionView(),
    // The core opens the profile again afterwards: sign-in, Graph client and engine with the new connection.
    'connection.save': (request, context) => saveConnection(request, context),
    'connection.test': async () => {
      const current = connection();
      if (!current || !identity) throw appError('conflict', 'profile.demoNothingToTest', {});
      const endpoints = options.endpoints(current);
      const signedIn = sessions.context().role !== null;
      return testConnection({
        graph: tenant().graph,
        userGraph: signedIn ? createGraphClient({ baseUrl: endpoints.graphBaseUrl, tokens: identity.userReadTokens() }) : null,
        lookoutBaseUrl: endpoints.lookoutBaseUrl,
        lookoutAppKey: secrets.get(LOOKOUT_APP_KEY),
        now,
      });
    },
  };

  return {
    profile,
    settings,
    audit,
    handlers,
    session: () => sessions.context(),
    browserStepUrl: () => sessions.browserStepUrl(),
    close: async () => {
      await sessions.close();
      await engineHost?.close();
      await demo?.close();
    },
  };
}

async function graphTokenFrom(tokens: TokenProvider, forceRefresh: boolean): Promise<string> {
  if (forceRefresh) tokens.invalidate();
  try {
    return await tokens.getToken();
  } catch (error) {
    // The engine shows this in the poll's errors: words, never a library's code alone.
    throw new Error(signInFailure(error).message, { cause: error });
  }
}
