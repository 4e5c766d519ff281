// Intune's device-threat-level compliance rule (PRODUCT.md section 4), as the console
// computes it: above the allowed level is non-compliant, disconnected is non-compliant,
// pending has no partner data yet.
import type { DeviceState } from './device-state';
import { THREAT_LEVELS, type ThreatLevel } from './threat-level';

export const COMPLIANCE_STATES = ['compliant', 'noncompliant', 'noPartnerData'] as const;
export type Compliance = (typeof COMPLIANCE_STATES)[number];

/** "Require the device to be at or under the Device Threat Level": a level, or null when not configured. */
export type AllowedThreatLevel = ThreatLevel | null;

/** Only a device the MTD service protects now (active or disconnected) has partner data: a threat level Intune can judge. */
export function hasPartnerData(state: DeviceState): boolean {
  return state === 'active' || state === 'disconnected';
}

export function compliance(state: DeviceState, level: ThreatLevel, allowed: AllowedThreatLevel): Compliance {
  if (!hasPartnerData(state)) return 'noPartnerData';
  if (state === 'disconnected') return 'noncompliant';
  if (allowed === null) return 'compliant';
  return THREAT_LEVELS.indexOf(level) > THREAT_LEVELS.indexOf(allowed) ? 'noncompliant' : 'compliant';
}

/** Of several policies for one platform the strictest applies. */
export function strictest(levels: readonly AllowedThreatLevel[]): AllowedThreatLevel {
  let result: AllowedThreatLevel = null;
  for (const level of levels) {
    if (level === null) continue;
    if (result === null || THREAT_LEVELS.indexOf(level) < THREAT_LEVELS.indexOf(result)) result = level;
  }
  return result;
}
