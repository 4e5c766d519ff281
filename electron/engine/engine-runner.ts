// Builds a running engine from the init message: the real clients over fetch, the
// inventory in the data folder, SMTP when set up. The same code runs in the engine's
// process and, for tests, in process.
import { ClientCredentialsProvider } from '../auth/client-credentials-provider';
import { createGraphClient } from '../graph/graph-client';
import type { Mailer } from '../mail/mailer';
import { createSmtpMailer } from '../mail/smtp-mailer';
import { connectMobileRisk } from '../mobile-risk/mobile-risk-client';
import type { TokenProvider } from '../http/token-provider';
import type { ClockAnchor, EngineInit, EngineQuery, EngineQueryKind, EngineQueryOf, EngineQueryResult, SmtpConnection } from './engine-protocol';
import type { EngineConfig } from './engine-config';
import { openThreatCounts, rerateDevices } from './evaluation/rerate-devices';
import { Inventory } from './inventory/inventory';
import { PollingEngine } from './polling-engine';
import { dashboard } from './queries/dashboard';
import { deviceDetail } from './queries/device-detail';
import { devicePage, devicesCsv } from './queries/device-page';
import { threatOptions, threatPage } from './queries/threat-page';
import { driftReport } from './queries/drift-report';
import { removalImpact } from './queries/removal-impact';
import { createPartnerClient } from './state-sync/partner-client';

export interface EngineRunner {
  engine: PollingEngine;
  configure(config: EngineConfig | null): void;
  inventory: Inventory;
  setClock(clock: ClockAnchor): void;
  setSmtp(smtp: SmtpConnection | null): void;
  query(query: EngineQuery): EngineQueryResult<EngineQueryKind>;
  close(): Promise<void>;
}

/** One answer per query kind, each with that kind's result: a missing or mistyped one is a compile error. */
type QueryAnswers = { [K in EngineQueryKind]: (query: EngineQueryOf<K>) => EngineQueryResult<K> };

function answer<K extends EngineQueryKind>(answers: QueryAnswers, query: EngineQueryOf<K>): EngineQueryResult<K> {
  const kind: K = query.kind;
  return answers[kind](query);
}

export function anchorNow(clock: ClockAnchor, realNow = Date.now()): number {
  return clock.tenantTime + (realNow - clock.realTime) * clock.speed;
}

/**
 * hostTokens: where Graph tokens come from when the tenant's tokenSource is 'host' (the
 * main process over the process channel); required then.
 */
export function startEngineRunner(init: EngineInit, fetchImpl: typeof fetch = globalThis.fetch, hostTokens?: TokenProvider): EngineRunner {
  const { tenant } = init;
  let clock = init.clock;
  let graphRequests = 0;
  const graphFetch: typeof fetch = (input, request) => {
    graphRequests += 1;
    return fetchImpl(input, request);
  };
  if (tenant.tokenSource === 'host' && !hostTokens) throw new Error('The tenant is polled with the signed-in admin\'s tokens, but no token source was given.');
  const tokens: TokenProvider =
    tenant.tokenSource === 'host' && hostTokens
      ? hostTokens
      : new ClientCredentialsProvider({ tokenUrl: tenant.tokenUrl, clientId: tenant.clientId, clientSecret: tenant.clientSecret, scope: 'https://graph.microsoft.com/.default', fetch: fetchImpl });
  const secrets = [tenant.clientSecret, tenant.mraAppKey];
  const graph = createGraphClient({ baseUrl: tenant.graphBaseUrl, tokens, fetch: graphFetch, secrets });
  const partner = tenant.partnerBaseUrl ? createPartnerClient(createGraphClient({ baseUrl: tenant.partnerBaseUrl, tokens, fetch: fetchImpl, secrets })) : undefined;
  const mobileRisk = connectMobileRisk({ baseUrl: tenant.mraBaseUrl, appKey: tenant.mraAppKey, fetch: fetchImpl });
  const inventory = Inventory.open(init.dataDir);
  let mailer: Mailer | undefined;
  const setSmtp = (smtp: SmtpConnection | null): void => {
    mailer?.close();
    mailer = smtp ? createSmtpMailer(smtp.settings, smtp.password) : undefined;
  };
  setSmtp(init.smtp);
  const engine = new PollingEngine({
    inventory,
    graph,
    mobileRisk,
    partner,
    now: () => anchorNow(clock),
    speed: () => clock.speed,
    mailer: () => mailer,
    graphRequests: () => graphRequests,
    ...(init.streamIdleMs !== undefined ? { streamIdleMs: init.streamIdleMs } : {}),
  });
  let currentConfig = init.config;
  engine.configure(init.config);
  const answers: QueryAnswers = {
    integrityCheck: () => inventory.integrityCheck(),
    drift: () => driftReport(inventory, currentConfig?.stateSync ?? { deviceStatus: true, threatStatus: true }, 200, partner === undefined),
    removalImpact: (query) => removalImpact(inventory, query.groupNames),
    dashboard: () => ({ ...dashboard(inventory, anchorNow(clock)), stateSync: currentConfig ? { ...currentConfig.stateSync } : null }),
    devicePage: (query) => devicePage(inventory, query.request),
    deviceDetail: (query) => deviceDetail(inventory, query.id),
    devicesCsv: (query) => devicesCsv(inventory, query.filter, query.sort),
    rerate: (query) => rerateDevices(inventory, query.levels, query.apply),
    openThreatCounts: () => openThreatCounts(inventory),
    threatPage: (query) => threatPage(inventory, query.request, anchorNow(clock)),
    threatOptions: () => threatOptions(inventory),
  };
  return {
    configure(config) {
      currentConfig = config;
      engine.configure(config);
    },
    engine,
    inventory,
    setClock(next) {
      const faster = next.speed !== clock.speed;
      clock = next;
      if (faster) engine.rescheduleForSpeed();
    },
    setSmtp,
    query: (query) => answer(answers, query),
    async close() {
      await engine.stop();
      mailer?.close();
      inventory.close();
    },
  };
}
