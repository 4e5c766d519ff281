// Messages between the main process and the engine's own process (a Node child
// process in the browser host and tests, an Electron utilityProcess in the app).
import type { SmtpSettings } from '../../shared/config/smtp-settings';
import { AppError, type AppErrorPayload } from '../../shared/ipc/errors';
import type { ClassificationLevels } from '../../shared/domain/threat-level';
import type { DeviceFilter, DevicePageRequest, DeviceSort } from '../../shared/ipc/inventory-channels';
import type { ThreatPageRequest } from '../../shared/ipc/threat-channels';
import type { EngineConfig } from './engine-config';
import type { EngineStatus, PollOptions, PollResult } from './polling-engine';

/** How the engine reaches the tenant: URLs and secrets travel over the process channel, never through a file. */
export interface TenantEndpoints {
  mode: 'demo' | 'real';
  tenantId: string;
  graphBaseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  mraBaseUrl: string;
  mraAppKey: string;
  /** The demo tenant's partner sync; absent against a real tenant (report-only). */
  partnerBaseUrl?: string;
  /**
   * 'host': Graph tokens come from the main process (the signed-in admin's, delegated), asked
   * for over the process channel; tokenUrl and clientSecret are then unused. Otherwise the
   * engine exchanges the client secret itself (app-only).
   */
  tokenSource?: 'host';
}

/** The demo clock as an anchor, so the engine's "now" follows the tenant's without asking. */
export interface ClockAnchor {
  tenantTime: number;
  realTime: number;
  speed: number;
}

export interface SmtpConnection {
  settings: SmtpSettings;
  password: string | undefined;
}

export type ToEngine =
  | { type: 'init'; dataDir: string; tenant: TenantEndpoints; clock: ClockAnchor; config: EngineConfig | null; smtp: SmtpConnection | null; streamIdleMs?: number }
  | { type: 'configure'; config: EngineConfig | null }
  | { type: 'clock'; clock: ClockAnchor }
  | { type: 'smtp'; smtp: SmtpConnection | null }
  | { type: 'start' }
  | { type: 'stop'; requestId: number }
  | { type: 'pollNow'; requestId: number; options: PollOptions }
  | { type: 'query'; requestId: number; query: EngineQuery }
  | { type: 'token'; requestId: number; ok: true; token: string }
  | { type: 'token'; requestId: number; ok: false; message: string };

export type EngineQuery =
  | { kind: 'removalImpact'; groupNames: string[] }
  | { kind: 'integrityCheck' }
  | { kind: 'drift' }
  | { kind: 'dashboard' }
  | { kind: 'devicePage'; request: DevicePageRequest }
  | { kind: 'deviceDetail'; id: string }
  | { kind: 'devicesCsv'; filter: DeviceFilter; sort: DeviceSort }
  /** The stored threats and devices rated with these classification levels: counted, and written when apply is set. */
  | { kind: 'rerate'; levels: ClassificationLevels; apply: boolean }
  | { kind: 'openThreatCounts' }
  | { kind: 'threatPage'; request: ThreatPageRequest }
  | { kind: 'threatOptions' };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'status'; status: EngineStatus }
  | { type: 'reply'; requestId: number; ok: true; value: unknown }
  | { type: 'reply'; requestId: number; ok: false; error: AppErrorPayload }
  | { type: 'fatal'; error: AppErrorPayload }
  /** A Graph token, when the tenant's tokenSource is 'host'; forceRefresh after Graph refused the last one. */
  | { type: 'tokenRequest'; requestId: number; forceRefresh: boolean };

export type { EngineStatus, PollResult };

/** An error as it crosses to main: an AppError as it is, anything else as an internal error with its message. */
export function toErrorPayload(error: unknown): AppErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
