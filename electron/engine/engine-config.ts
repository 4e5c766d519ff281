// The configuration the engine runs with: main owns the settings and sends a snapshot
// at start and on every change; the engine never reads the settings file.
import type { ClassificationLevels } from '../../shared/domain/threat-level';
import type { StateSyncSwitches } from '../../shared/domain/partner-state';

export interface NotificationRecipient {
  userId: string;
  high: boolean;
  medium: boolean;
  low: boolean;
}

export interface EngineConfig {
  enrollmentGroups: string[];
  newDeviceCheckMinutes: number;
  heartbeatMinutes: number;
  stateSync: StateSyncSwitches;
  errorReportRecipients: string[];
  disconnectedAfterDays: number;
  classificationLevels: ClassificationLevels;
  /** Console users with at least one notification switch on. */
  notificationRecipients: NotificationRecipient[];
  /** Full discovery (which also finds devices that left Intune) at least this often; incremental polls between. */
  fullDiscoveryHours: number;
  /** Most Mobile Risk device pages one poll reads to refresh check-ins (the API allows 100 requests a minute). */
  checkinPagesPerPoll: number;
}

export const ENGINE_DEFAULTS = { fullDiscoveryHours: 24, checkinPagesPerPoll: 20 } as const;
