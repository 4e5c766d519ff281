import { z } from 'zod';

/** Days of heartbeats the connector health card shows. */
export const HEARTBEAT_DAYS = 30;

export const heartbeatHealthSchema = z.object({
  /** One entry per day (UTC, the tenant's clock), oldest first; `day` is the day's start; empty before a connector. */
  days: z.array(z.object({ day: z.number(), ok: z.number().int().nonnegative(), failed: z.number().int().nonnegative() })).max(HEARTBEAT_DAYS),
  lastAttempt: z.object({ at: z.number(), outcome: z.enum(['ok', 'failed']) }).nullable(),
  /** Hours (rounded up) until Intune would mark the partner unresponsive; 0 once it is due; null when not known. */
  hoursLeft: z.number().int().nonnegative().nullable(),
  warning: z.enum(['overdue', 'soon']).nullable(),
});
export type HeartbeatHealth = z.infer<typeof heartbeatHealthSchema>;
