// Writes what the MTD service says about devices and threats into the inventory.
import { riskRank, threatRiskLevel } from '../../../shared/domain/threat-level';
import type { RiskLevel } from '../../../shared/domain/threat-classifications';
import type { ThreatStatus } from '../../../shared/domain/threat-level';
import type { DeviceStatus } from '../../mobile-risk/mobile-risk-types';
import type { Inventory } from '../inventory/inventory';

export interface MtdDeviceFacts {
  guid: string;
  managedDeviceId: string | null;
  status: DeviceStatus | undefined;
  checkinAt: number | null;
  /** Orders status updates: the event's time, or a little before the device list was read. */
  at: number;
  /** When the service vouched for the check-in: the event's time, or when the device list was read. */
  confirmedAt: number;
}

export interface MtdThreatFacts {
  guid: string;
  deviceGuid: string | null;
  type: string;
  classifications: string[];
  severity: string;
  status: string;
  detectedAt: number | null;
  closedAt: number | null;
}

export function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

export function threatStatus(status: string): ThreatStatus {
  const upper = status.toUpperCase();
  if (upper === 'RESOLVED' || upper === 'CLOSED') return 'resolved';
  if (upper === 'IGNORED') return 'ignored';
  return 'open';
}

export function mtdWriters(inventory: Inventory, levels: ReadonlyMap<string, RiskLevel>, now: number) {
  const { db } = inventory;
  // Facts older than what is stored never overwrite it (a listing read before a later event was applied).
  const device = db.prepare(`
    INSERT INTO mtd_devices (guid, managed_device_id, activation, security, protection, checkin_at, updated_at)
    VALUES (@guid, @managedDeviceId, @activation, @security, @protection, @checkinAt, @at)
    ON CONFLICT(guid) DO UPDATE SET
      managed_device_id = COALESCE(excluded.managed_device_id, mtd_devices.managed_device_id),
      activation = COALESCE(excluded.activation, mtd_devices.activation),
      security = COALESCE(excluded.security, mtd_devices.security),
      protection = COALESCE(excluded.protection, mtd_devices.protection),
      updated_at = excluded.updated_at
    WHERE excluded.updated_at >= mtd_devices.updated_at`);
  // Check-ins only move forward, whichever report comes first.
  const checkin = db.prepare(`
    UPDATE mtd_devices SET
      checkin_at = NULLIF(MAX(COALESCE(@checkinAt, 0), COALESCE(checkin_at, 0)), 0),
      confirmed_at = MAX(@confirmedAt, COALESCE(confirmed_at, 0))
    WHERE guid = @guid`);
  const threat = db.prepare(`
    INSERT INTO threats (guid, device_guid, type, classifications, severity, status, level, detected_at, closed_at, first_seen_at)
    VALUES (@guid, @deviceGuid, @type, @classifications, @severity, @status, @level, @detectedAt, @closedAt, @now)
    ON CONFLICT(guid) DO UPDATE SET
      device_guid = COALESCE(excluded.device_guid, threats.device_guid), type = excluded.type, classifications = excluded.classifications,
      severity = excluded.severity, status = excluded.status, level = excluded.level, detected_at = COALESCE(threats.detected_at, excluded.detected_at), closed_at = excluded.closed_at`);
  return {
    device(facts: MtdDeviceFacts): void {
      device.run({
        guid: facts.guid,
        managedDeviceId: facts.managedDeviceId,
        activation: facts.status?.activation_status ?? null,
        security: facts.status?.security_status ?? null,
        protection: facts.status?.protection_status ?? null,
        checkinAt: facts.checkinAt,
        at: facts.at,
      });
      checkin.run({ guid: facts.guid, checkinAt: facts.checkinAt, confirmedAt: facts.confirmedAt });
    },
    threat(facts: MtdThreatFacts): void {
      threat.run({
        guid: facts.guid,
        deviceGuid: facts.deviceGuid,
        type: facts.type,
        classifications: JSON.stringify(facts.classifications),
        severity: facts.severity,
        status: threatStatus(facts.status),
        level: threatRiskLevel(facts.classifications, facts.severity, levels),
        detectedAt: facts.detectedAt,
        closedAt: facts.closedAt,
        now,
      });
    },
  };
}

/** The risk levels of each agent's open threats, keyed by the agent's guid. */
export type OpenThreatLevels = Map<string, RiskLevel[]>;

function addOpenLevel(open: OpenThreatLevels, agent: string, level: RiskLevel): void {
  const levels = open.get(agent);
  if (levels) levels.push(level);
  else open.set(agent, [level]);
}

/** Each agent's open threats' levels as stored. */
export function openThreatLevels(inventory: Inventory): OpenThreatLevels {
  const open: OpenThreatLevels = new Map();
  for (const row of inventory.db.prepare("SELECT device_guid, level FROM threats WHERE status = 'open' AND device_guid IS NOT NULL").iterate() as IterableIterator<{ device_guid: string; level: RiskLevel }>) {
    addOpenLevel(open, row.device_guid, row.level);
  }
  return open;
}

/**
 * Rates every stored threat from its classifications' levels: how many change level, and
 * each agent's open threats' new levels; with apply, the changed levels are written.
 */
export function rateThreats(inventory: Inventory, levels: ReadonlyMap<string, RiskLevel>, apply: boolean): { changed: number; open: OpenThreatLevels } {
  const { db } = inventory;
  const rows = db.prepare('SELECT guid, device_guid, classifications, severity, status, level FROM threats').all() as {
    guid: string;
    device_guid: string | null;
    classifications: string;
    severity: string;
    status: string;
    level: RiskLevel;
  }[];
  const update = db.prepare('UPDATE threats SET level = ? WHERE guid = ?');
  const open: OpenThreatLevels = new Map();
  let changed = 0;
  for (const row of rows) {
    const level = threatRiskLevel(JSON.parse(row.classifications) as string[], row.severity, levels);
    if (riskRank(level) !== riskRank(row.level)) {
      changed += 1;
      if (apply) update.run(level, row.guid);
    }
    if (row.status === 'open' && row.device_guid !== null) addOpenLevel(open, row.device_guid, level);
  }
  return { changed, open };
}

/** Re-rates every threat from its classifications' current levels; returns how many changed level. */
export function rerateThreats(inventory: Inventory, levels: ReadonlyMap<string, RiskLevel>): number {
  return rateThreats(inventory, levels, true).changed;
}
