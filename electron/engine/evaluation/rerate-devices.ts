// Re-rating after a classification change, without a poll: every stored threat gets
// its classifications' new level, and each evaluated device its new threat level and
// compliance (its state stays as the last poll found it). The same pass, without
// writing, tells the admin beforehand how many devices would change.
import { compliance } from '../../../shared/domain/compliance';
import type { DeviceState } from '../../../shared/domain/device-state';
import { currentLevels, deviceThreatLevel, type ClassificationLevels, type ThreatLevel } from '../../../shared/domain/threat-level';
import type { RerateOutcome } from '../../../shared/ipc/configuration-channels';
import { allowedLevelFor, type AllowedLevels } from '../discovery/compliance-policies';
import { DISCOVERY_CURSORS } from '../discovery/discovery-cursors';
import { AGENT_OF_DEVICE } from '../inventory/agent-of-device';
import type { Inventory } from '../inventory/inventory';
import { rateThreats } from '../telemetry/mtd-records';
import { NO_POLICY } from './evaluate-devices';

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
    const { changed: threats, open: openLevels } = rateThreats(inventory, levels, apply);
    // Devices no poll has evaluated yet, and unsupported ones, get their level from the next evaluation.
    const devices = db
      .prepare(`SELECT d.id, d.platform, d.state, d.threat_level, d.compliance, ${AGENT_OF_DEVICE} AS agent FROM devices d WHERE d.supported = 1 AND d.state IS NOT NULL`)
      .all() as DeviceRow[];
    const updateDevice = db.prepare('UPDATE devices SET threat_level = ?, compliance = ? WHERE id = ?');
    let levelChanges = 0;
    let complianceChanges = 0;
    for (const row of devices) {
      const level = deviceThreatLevel(row.agent === null ? [] : (openLevels.get(row.agent) ?? []));
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
