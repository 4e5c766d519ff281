// What every poll step gets: the clients, the inventory, the tenant's clock and the configuration in force.
import { POLL_PHASES } from '../../shared/ipc/engine-channels';
import type { GraphClient } from '../graph/graph-client';
import type { MobileRiskClient } from '../mobile-risk/mobile-risk-client';
import type { Inventory } from './inventory/inventory';
import type { EngineConfig } from './engine-config';
import type { PartnerClient } from './state-sync/partner-client';

export interface EngineContext {
  inventory: Inventory;
  graph: GraphClient;
  mobileRisk: MobileRiskClient;
  /** Intune's partner side; absent against a real tenant, where state sync runs report-only. */
  partner: PartnerClient | undefined;
  config: EngineConfig;
  /** The tenant's time (the demo clock in demo mode), for the lifecycle's day counts. */
  now: () => number;
  signal: AbortSignal;
  progress: (phase: PollPhase, done: number, total: number | null) => void;
}

export { POLL_PHASES };
export type PollPhase = (typeof POLL_PHASES)[number];
