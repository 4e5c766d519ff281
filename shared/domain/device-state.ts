// The device lifecycle of PRODUCT.md section 5 as one pure rule: a device's state
// follows from what the directory, Intune and the MTD service say now, so a poll
// that is repeated (after a crash, a throttled step) lands on the same state.

export const DEVICE_STATES = ['pending', 'active', 'disconnected', 'deactivated'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const DAY_MS = 86_400_000;

/** Why a device is deactivated, for the device view and the audit of the lifecycle. */
export type DeactivationReason = 'leftEnrollmentGroups' | 'leftIntune' | 'deactivatedByService';

export interface LifecycleFacts {
  /** The device's user is a direct member of at least one enrollment group. */
  inEnrollmentGroup: boolean;
  /** Intune still lists the device. */
  inIntune: boolean;
  /** The MTD service's activation status; null while the service does not know the device. */
  activation: 'PENDING' | 'ACTIVATED' | 'DEACTIVATED' | 'DELETED' | null;
  /** Last MTD check-in (ms since the epoch), null when none is known. */
  lastCheckinAt: number | null;
  /**
   * When the MTD service last told us that check-in was the latest. Silence is proven
   * only up to then: a check-in we have not read yet (a throttled or unreachable
   * service, a device list not swept yet) must not make a device Disconnected.
   */
  checkinConfirmedAt: number | null;
}

export interface LifecycleVerdict {
  state: DeviceState;
  reason: DeactivationReason | null;
}

/**
 * Pending until the MTD app is activated; Active while it checks in; Disconnected
 * when the last check-in is older than `disconnectedAfterDays` whole days; Deactivated
 * when the user leaves every enrollment group, the device leaves Intune, or the MTD
 * service deactivates it.
 */
export function deviceState(facts: LifecycleFacts, now: number, disconnectedAfterDays: number): LifecycleVerdict {
  if (!facts.inIntune) return { state: 'deactivated', reason: 'leftIntune' };
  if (!facts.inEnrollmentGroup) return { state: 'deactivated', reason: 'leftEnrollmentGroups' };
  if (facts.activation === 'DEACTIVATED' || facts.activation === 'DELETED') return { state: 'deactivated', reason: 'deactivatedByService' };
  if (facts.activation !== 'ACTIVATED') return { state: 'pending', reason: null };
  if (facts.lastCheckinAt !== null && isSilentTooLong(facts.lastCheckinAt, Math.min(now, facts.checkinConfirmedAt ?? facts.lastCheckinAt), disconnectedAfterDays)) {
    return { state: 'disconnected', reason: null };
  }
  return { state: 'active', reason: null };
}

/** "Older than N days": exactly N days after the check-in the device is still active. */
export function isSilentTooLong(lastCheckinAt: number, now: number, disconnectedAfterDays: number): boolean {
  return now - lastCheckinAt > disconnectedAfterDays * DAY_MS;
}
