// Re-rating after a classification change, without a poll: every stored threat gets
// its classifications' new level, and each evaluated device its new threat level and
// compliance (its state stays as the last poll found it). The same pass, without
// writing, tells the admin beforehand how many devices would change.
import { compliance } from '../../../shared/domain/compliance';
import type { DeviceState } from '../../../shared/domain/device-state';
import { currentLevels, riskRank, threatLevelOfRank, threatRiskLevel, type ClassificationLevels, type ThreatLevel } from '../../../shared/domain/threat-level';
import type { RiskLevel } from '../../../shared/domain/threat-classifications';
import type { RerateOutcome } from '../../../shared/ipc/configuration-channels';
import { allowedLevelFor, type AllowedLevels } from '../discovery/compliance-policies';
import { DISCOVERY_CURSORS } from '../discovery/discovery-cursors';
import type { Inventory } from '../inventory/inventory';
import { AGENT_OF_DEVICE, NO_POLICY } from './evaluate-devices';

/** The inventory cursor holding the classification levels the stored threats were last rated with. */
export const RATED_WITH = 'threats.ratedWith';

export function ratedWithKey(levels: ClassificationLevels): string {
  return JSON.stringify(levels);
}

interface DeviceRow {
  id: string;
  platform: string | null;
  state: DeviceState;
  threat_level: ThreatLevel;
  compliance: string;
  agent: string | null;
}

/** What rating with these levels changes; writes it when apply is set (in one transaction, the cursor with it). */
export function rerateDevices(inventory: Inventory, overrides: ClassificationLevels, apply: boolean): RerateOutcome {
  const { db } = inventory;
  const levels = currentLevels(overrides);
  const work = (): RerateOutcome => {
    const allowed = (JSON.parse(inventory.cursor(DISCOVERY_CURSORS.compliancePolicies) ?? 'null') as AllowedLevels | null) ?? NO_POLICY;
    const updateThreat = db.prepare('UPDATE threats SET level = ? WHERE guid = ?');
    const openRank = new Map<string, number>();
    let threats = 0;
    const threatRows = db.prepare('SELECT guid, device_guid, classifications, severity, status, level FROM threats').all() as {
      guid: string;
      device_guid: string | null;
      classifications: string;
      severity: string;
      status: string;
      level: RiskLevel;
    }[];
    for (const row of threatRows) {
      const level = threatRiskLevel(JSON.parse(row.classifications) as string[], row.severity, levels);
      if (riskRank(level) !== riskRank(row.level)) {
        threats += 1;
        if (apply) updateThreat.run(level, row.guid);
      }
      if (row.status === 'open' && row.device_guid !== null) openRank.set(row.device_guid, Math.max(openRank.get(row.device_guid) ?? 0, riskRank(level)));
    }
    // Devices no poll has evaluated yet, and unsupported ones, get their level from the next evaluation.
    const devices = db
      .prepare(`SELECT d.id, d.platform, d.state, d.threat_level, d.compliance, ${AGENT_OF_DEVICE} AS agent FROM devices d WHERE d.supported = 1 AND d.state IS NOT NULL`)
      .all() as DeviceRow[];
    const updateDevice = db.prepare('UPDATE devices SET threat_level = ?, compliance = ? WHERE id = ?');
    let levelChanges = 0;
    let complianceChanges = 0;
    for (const row of devices) {
      const level = threatLevelOfRank(row.agent === null ? 0 : (openRank.get(row.agent) ?? 0));
      const rule = compliance(row.state, level, allowedLevelFor(allowed, row.platform));
      if (level === row.threat_level && rule === row.compliance) continue;
      if (level !== row.threat_level) levelChanges += 1;
      if (rule !== row.compliance) complianceChanges += 1;
      if (apply) updateDevice.run(level, rule, row.id);
    }
    if (apply) inventory.setCursor(RATED_WITH, ratedWithKey(overrides));
    return { devices: levelChanges, compliance: complianceChanges, threats };
  };
  return apply ? inventory.transaction(work) : work();
}

/** Open threats per classification (a threat with several classifications counts under each). */
export function openThreatCounts(inventory: Inventory): Record<string, number> {
  const rows = inventory.db
    .prepare("SELECT c.value AS classification, COUNT(*) AS n FROM threats t, json_each(t.classifications) c WHERE t.status = 'open' GROUP BY c.value")
    .all() as { classification: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.classification, row.n]));
}
