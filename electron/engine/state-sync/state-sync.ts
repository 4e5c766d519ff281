// State sync (PRODUCT.md section 5): each device's status and threat status go to
// Intune as partnerReportedThreatState, only where they changed since the last
// successful report, in requests of 1000; then the heartbeat. A failed request is
// one sync error for its batch (never one per device) and is retried next time.
import { graphPaths } from '../../graph/graph-paths';
import { inDrift, needsReport } from '../../../shared/domain/drift';
import { partnerState, type PartnerReportedThreatState, type StateSyncSwitches } from '../../../shared/domain/partner-state';
import { englishMessage, type MessageLine, type MessageReason } from '../../../shared/ipc/error-messages';
import type { MessageParams } from '../../../shared/ipc/errors';
import { messageOf } from '../app-error-of';
import type { DeviceState } from '../../../shared/domain/device-state';
import type { ThreatLevel } from '../../../shared/domain/threat-level';
import type { EngineContext } from '../engine-context';
import type { Inventory } from '../inventory/inventory';
import { MAX_STATES_PER_REQUEST } from './partner-client';

export const LAST_SYNC_AT = 'stateSync.lastAt';
export const LAST_HEARTBEAT_AT = 'stateSync.lastHeartbeatAt';
/** Intune's view of the connector (partner state, unresponsiveness threshold), read after each sync. */
export const INTUNE_CONNECTOR = 'intune.connector';

export interface StateSyncSummary {
  mode: 'sync' | 'reportOnly';
  /** Devices whose state Intune took. */
  sent: number;
  failedBatches: number;
  unknownDevices: number;
  heartbeat: 'ok' | 'failed' | 'skipped';
  /** Devices where Intune's partnerReportedThreatState still differs from what the console computed, after this sync. */
  drift: number;
}

interface SyncRow {
  id: string;
  state: DeviceState;
  threat_level: ThreatLevel;
  reported_state: string | null;
  intune_partner_state: string | null;
}

/** A sync error for the report and the health card: its words, and the reason and params they come from. */
export function recordSyncError(inventory: Inventory, at: number, step: string, deviceId: string | null, line: MessageLine): void {
  inventory.db
    .prepare('INSERT INTO sync_errors (at, step, device_id, message, reason, params) VALUES (?, ?, ?, ?, ?, ?)')
    .run(at, step, deviceId, line.message.slice(0, 1000), line.reason, JSON.stringify(line.params));
}

/** The line for a sync error that wraps a failure: the failure's words become its detail. */
export function syncErrorLine(reason: MessageReason, params: MessageParams, error: unknown): MessageLine {
  const full = { ...params, detail: messageOf(error) };
  return { message: englishMessage(reason, full), reason, params: full };
}

export function recordHeartbeat(inventory: Inventory, at: number, outcome: 'ok' | 'failed'): void {
  inventory.db.prepare('INSERT INTO heartbeats (at, outcome) VALUES (?, ?)').run(at, outcome);
}

/** The devices state sync speaks for: enrolled, supported, still in Intune. */
export const SYNCED_DEVICES = 'supported = 1 AND in_intune = 1 AND state IS NOT NULL';

export function wantedStates(inventory: Inventory, switches: StateSyncSwitches): { id: string; wanted: PartnerReportedThreatState; reported: string | null; intune: string | null }[] {
  const rows = inventory.db.prepare(`SELECT id, state, threat_level, reported_state, intune_partner_state FROM devices WHERE ${SYNCED_DEVICES} ORDER BY id`).all() as SyncRow[];
  const out = [];
  for (const row of rows) {
    const wanted = partnerState(row.state, row.threat_level, switches);
    if (wanted !== null) out.push({ id: row.id, wanted, reported: row.reported_state, intune: row.intune_partner_state });
  }
  return out;
}

/** How many devices are in drift, as the drift report counts them. */
export function driftCount(inventory: Inventory, switches: StateSyncSwitches): number {
  return wantedStates(inventory, switches).filter((row) => inDrift(row.wanted, row.intune)).length;
}

/** Reads Intune's mobileThreatDefenseConnector for the health card; a failure only leaves the last reading. */
async function readConnector(context: EngineContext): Promise<void> {
  try {
    const page = await context.graph.get<{ value?: { partnerState?: string; partnerUnresponsivenessThresholdInDays?: number; lastHeartbeatDateTime?: string }[] }>(graphPaths.mobileThreatDefenseConnectors(), { signal: context.signal });
    const connector = page.value?.[0];
    if (!connector) return;
    const { partnerState, partnerUnresponsivenessThresholdInDays, lastHeartbeatDateTime } = connector;
    context.inventory.transaction(() => context.inventory.setCursor(INTUNE_CONNECTOR, JSON.stringify({ partnerState, partnerUnresponsivenessThresholdInDays, lastHeartbeatDateTime })));
  } catch {
    context.signal.throwIfAborted();
  }
}

export async function syncStates(context: EngineContext): Promise<StateSyncSummary> {
  const summary = await sendStates(context);
  await readConnector(context);
  return summary;
}

async function sendStates(context: EngineContext): Promise<StateSyncSummary> {
  const { inventory, partner } = context;
  const switches = context.config.stateSync;
  if (!partner) return { mode: 'reportOnly', sent: 0, failedBatches: 0, unknownDevices: 0, heartbeat: 'skipped', drift: driftCount(inventory, switches) };
  // What changed since the last report, and what Intune lists otherwise since (the drift).
  const changed = wantedStates(inventory, switches).filter((row) => needsReport(row.wanted, row.reported, row.intune));
  let sent = 0;
  let failedBatches = 0;
  let unknownDevices = 0;
  // Intune took the state: until it is listed again, its view is what the console reported.
  const markReported = inventory.db.prepare("UPDATE devices SET reported_state = @state, reported_at = @at, intune_partner_state = @state, intune_state_at = @at, intune_state_by = 'reported' WHERE id = @id");
  const leftIntune = inventory.db.prepare('UPDATE devices SET in_intune = 0 WHERE id = ?');
  for (let start = 0; start < changed.length; start += MAX_STATES_PER_REQUEST) {
    const batch = changed.slice(start, start + MAX_STATES_PER_REQUEST);
    const at = context.now();
    try {
      const result = await partner.reportStates(batch.map((row) => ({ managedDeviceId: row.id, partnerReportedThreatState: row.wanted })), context.signal);
      const unknown = new Set(result.unknownDevices);
      inventory.transaction(() => {
        for (const row of batch) {
          if (unknown.has(row.id)) {
            // Intune's own word that the device is gone: it leaves the sync (and is deactivated) instead of failing at every heartbeat.
            recordSyncError(inventory, at, 'stateSync', row.id, { message: englishMessage('sync.deviceGone'), reason: 'sync.deviceGone', params: {} });
            leftIntune.run(row.id);
          } else markReported.run({ state: row.wanted, at, id: row.id });
        }
      });
      sent += batch.length - unknown.size;
      unknownDevices += unknown.size;
    } catch (error) {
      context.signal.throwIfAborted();
      failedBatches += 1;
      inventory.transaction(() => recordSyncError(inventory, at, 'stateSync', null, syncErrorLine('sync.batchFailed', { count: batch.length }, error)));
    }
    context.progress('stateSync', Math.min(start + MAX_STATES_PER_REQUEST, changed.length), changed.length);
  }
  let heartbeat: StateSyncSummary['heartbeat'] = 'ok';
  try {
    await partner.heartbeat(context.signal);
    const at = context.now();
    inventory.transaction(() => {
      inventory.setCursor(LAST_HEARTBEAT_AT, String(at));
      recordHeartbeat(inventory, at, 'ok');
    });
  } catch (error) {
    context.signal.throwIfAborted();
    heartbeat = 'failed';
    const at = context.now();
    inventory.transaction(() => {
      recordSyncError(inventory, at, 'heartbeat', null, syncErrorLine('sync.heartbeatFailed', {}, error));
      recordHeartbeat(inventory, at, 'failed');
    });
  }
  // A sync that failed anywhere is tried again at the next poll, not a heartbeat later.
  if (failedBatches === 0 && heartbeat === 'ok') inventory.transaction(() => inventory.setCursor(LAST_SYNC_AT, String(context.now())));
  return { mode: 'sync', sent, failedBatches, unknownDevices, heartbeat, drift: driftCount(inventory, switches) };
}
