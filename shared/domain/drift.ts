// Drift (PRODUCT.md sections 6 and 8): Intune's partnerReportedThreatState is not what
// the console computed. State sync counts it after each sync and the drift report lists
// it; both ask this file, so the count and the list never disagree.
import type { PartnerReportedThreatState } from './partner-state';

/**
 * Why a device is in drift: the console never reported it (report-only, or not yet), its
 * state changed since the console's last report, or Intune lists another state than the
 * console last reported.
 */
export const DRIFT_REASONS = ['neverReported', 'changedSinceReport', 'intuneDiffers'] as const;
export type DriftReason = (typeof DRIFT_REASONS)[number];

/**
 * In drift when the switches sync this fact (wanted is not null) and Intune's state is
 * another. Intune with no state (null: never listed, or listed without one) is in drift
 * whatever the console wants, 'unknown' included: only a state Intune lists, or took from
 * the console, says what the console says.
 */
export function inDrift(wanted: PartnerReportedThreatState | null, intune: string | null): boolean {
  return wanted !== null && intune !== wanted;
}

/** State sync sends a device whose state changed since its last report, or that is in drift. */
export function needsReport(wanted: PartnerReportedThreatState | null, reported: string | null, intune: string | null): boolean {
  return wanted !== null && (reported !== wanted || inDrift(wanted, intune));
}

export function driftReason(wanted: PartnerReportedThreatState, reported: string | null): DriftReason {
  if (reported === null) return 'neverReported';
  return reported === wanted ? 'intuneDiffers' : 'changedSinceReport';
}
