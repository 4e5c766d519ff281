// What state sync reports to Intune as partnerReportedThreatState (PRODUCT.md section 5).
import type { DeviceState } from './device-state';
import type { ThreatLevel } from './threat-level';

/** Every value Intune's partnerReportedThreatState takes, the console's and other partners'. */
export const PARTNER_REPORTED_THREAT_STATES = ['unknown', 'activated', 'deactivated', 'secured', 'lowSeverity', 'mediumSeverity', 'highSeverity', 'unresponsive', 'compromised', 'misconfigured'] as const;
export type PartnerReportedThreatState = (typeof PARTNER_REPORTED_THREAT_STATES)[number];

export function isPartnerReportedThreatState(value: unknown): value is PartnerReportedThreatState {
  return (PARTNER_REPORTED_THREAT_STATES as readonly unknown[]).includes(value);
}

export interface StateSyncSwitches {
  deviceStatus: boolean;
  threatStatus: boolean;
}

const LEVEL_STATE: Record<ThreatLevel, PartnerReportedThreatState> = { secured: 'secured', low: 'lowSeverity', medium: 'mediumSeverity', high: 'highSeverity' };

/**
 * The state to report, or null when the switches say this fact is not synced:
 * device status carries pending / disconnected / deactivated (and "activated" when
 * threat status is off); threat status carries an active device's level.
 */
export function partnerState(state: DeviceState, level: ThreatLevel, switches: StateSyncSwitches): PartnerReportedThreatState | null {
  switch (state) {
    case 'pending':
      return switches.deviceStatus ? 'unknown' : null;
    case 'disconnected':
      return switches.deviceStatus ? 'unresponsive' : null;
    case 'deactivated':
      return switches.deviceStatus ? 'deactivated' : null;
    case 'active':
      if (switches.threatStatus) return LEVEL_STATE[level];
      return switches.deviceStatus ? 'activated' : null;
  }
}
