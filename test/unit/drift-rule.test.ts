// One drift rule for the state sync's count and the drift report's list, at the boundary
// where Intune has no partner state for a device: that device is in drift, whatever the
// console wants, and a sync sends it; a device Intune lists as 'unknown' is not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inDrift, needsReport } from '../../shared/domain/drift';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { driftReport } from '../../electron/engine/queries/drift-report';
import { driftCount, wantedStates } from '../../electron/engine/state-sync/state-sync';

const BOTH_ON = { deviceStatus: true, threatStatus: true };

describe('the drift rule when Intune has no state', () => {
  let inventory: Inventory;
  beforeEach(() => {
    inventory = new Inventory(':memory:');
  });
  afterEach(() => inventory.close());

  function device(id: string, state: string, intune: string | null, reported: string | null = null): void {
    inventory.db
      .prepare('INSERT INTO devices (id, device_name, supported, first_seen_at, state, threat_level, intune_partner_state, reported_state) VALUES (?, ?, 1, 0, ?, ?, ?, ?)')
      .run(id, id, state, 'secured', intune, reported);
  }

  it('counts a device Intune has no state for as drift, pending included', () => {
    expect(inDrift('unknown', null)).toBe(true);
    expect(inDrift('secured', null)).toBe(true);
    expect(inDrift('unknown', 'unknown')).toBe(false);
    expect(inDrift(null, null)).toBe(false);
    expect(needsReport('unknown', 'unknown', null)).toBe(true);
    expect(needsReport('unknown', 'unknown', 'unknown')).toBe(false);
  });

  it('has the sync count and the report list agree, and the sync send what they list', () => {
    device('pending-none', 'pending', null);
    device('pending-unknown', 'pending', 'unknown', 'unknown');
    device('active-none', 'active', null, 'secured');
    device('active-listed', 'active', 'secured', 'secured');
    device('disconnected-other', 'disconnected', 'secured', 'unresponsive');
    const report = driftReport(inventory, BOTH_ON, 100);
    expect(report.rows.map((row) => [row.deviceId, row.intune, row.console, row.reason])).toEqual([
      ['active-none', null, 'secured', 'intuneDiffers'],
      ['disconnected-other', 'secured', 'unresponsive', 'intuneDiffers'],
      ['pending-none', null, 'unknown', 'neverReported'],
    ]);
    expect(driftCount(inventory, BOTH_ON)).toBe(report.total);
    const sent = wantedStates(inventory, BOTH_ON).filter((row) => needsReport(row.wanted, row.reported, row.intune)).map((row) => row.id);
    expect(sent).toEqual(['active-none', 'disconnected-other', 'pending-none']);
  });

  it('leaves out what the switches do not sync, in the count and in the list', () => {
    device('pending-none', 'pending', null);
    device('active-none', 'active', null);
    const threatOnly = { deviceStatus: false, threatStatus: true };
    expect(driftReport(inventory, threatOnly).rows.map((row) => row.deviceId)).toEqual(['active-none']);
    expect(driftCount(inventory, threatOnly)).toBe(1);
  });
});
