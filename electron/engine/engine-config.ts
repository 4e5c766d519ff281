// The configuration the engine runs with: main owns the settings and sends a snapshot
// at start and on every change; the engine never reads the settings file.
import { RISK_LEVELS } from '../../shared/domain/threat-classifications';
import { z } from '../../shared/ipc/zod';

export const notificationRecipientSchema = z.object({ userId: z.string(), high: z.boolean(), medium: z.boolean(), low: z.boolean() });
export type NotificationRecipient = z.infer<typeof notificationRecipientSchema>;

export const engineConfigSchema = z.object({
  enrollmentGroups: z.array(z.string()),
  newDeviceCheckMinutes: z.number(),
  heartbeatMinutes: z.number(),
  stateSync: z.object({ deviceStatus: z.boolean(), threatStatus: z.boolean() }),
  errorReportRecipients: z.array(z.string()),
  disconnectedAfterDays: z.number(),
  /** A classification's risk level where the admin changed it; the catalogue's level elsewhere. */
  classificationLevels: z.partialRecord(z.string(), z.enum(RISK_LEVELS)),
  /** Console users with at least one notification switch on. */
  notificationRecipients: z.array(notificationRecipientSchema),
  /** Full discovery (which also finds devices that left Intune) at least this often; incremental polls between. */
  fullDiscoveryHours: z.number(),
  /** Most Mobile Risk device pages one poll reads to refresh check-ins (the API allows 100 requests a minute). */
  checkinPagesPerPoll: z.number(),
});
export type EngineConfig = z.infer<typeof engineConfigSchema>;

export const ENGINE_DEFAULTS = { fullDiscoveryHours: 24, checkinPagesPerPoll: 20 } as const;
