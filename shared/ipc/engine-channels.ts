// Channel schemas for the polling engine: its status and progress, start,
// stop, poll now, and the impact of removing enrollment groups.
import { LIMITS } from '../config/configuration-schema';
import { DEVICE_STATES } from '../domain/device-state';
import { DRIFT_REASONS } from '../domain/drift';
import { z } from './zod';

export { DRIFT_REASONS, type DriftReason } from '../domain/drift';

export const POLL_PHASES = ['discovery', 'telemetry', 'checkins', 'evaluation', 'stateSync', 'mail'] as const;

const stateCountsSchema = z.object(Object.fromEntries(DEVICE_STATES.map((state) => [state, z.number().int()])) as Record<(typeof DEVICE_STATES)[number], z.ZodNumber>);

/**
 * Why an incremental poll listed every device again instead: its stored delta link
 * points to another address of Graph (the tenant is served elsewhere now), Graph no
 * longer takes it (expired, 410), or a group now bears an enrollment group's name.
 */
export const RELIST_REASONS = ['otherAddress', 'expired', 'groupsChanged'] as const;
export type RelistReason = (typeof RELIST_REASONS)[number];

/** A failed step's line: its English words, and the reason and params the renderer translates. */
export const pollErrorSchema = z.object({
  step: z.string(),
  message: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PollErrorView = z.infer<typeof pollErrorSchema>;

export const pollResultSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['full', 'incremental']),
  startedAt: z.number(),
  finishedAt: z.number(),
  outcome: z.enum(['ok', 'partial', 'aborted']),
  errors: z.array(pollErrorSchema),
  graphRequests: z.number().int().nullable(),
  counts: stateCountsSchema.nullable(),
  unsupported: z.number().int().nullable(),
  synced: z.boolean(),
  mailsSent: z.number().int(),
  /** Set when an incremental poll became a full listing by itself. */
  relistedBecause: z.enum(RELIST_REASONS).nullable(),
  /** What the poll sent to Intune, with the state sync switches in force; mode null when state sync was not due. */
  stateSync: z.object({
    deviceStatus: z.boolean(),
    threatStatus: z.boolean(),
    mode: z.enum(['sync', 'reportOnly']).nullable(),
    sent: z.number().int(),
    unknownDevices: z.number().int(),
    failedBatches: z.number().int(),
    drift: z.number().int().nullable(),
  }),
});
export type PollResultView = z.infer<typeof pollResultSchema>;

export const engineStatusSchema = z.object({
  state: z.enum(['notConfigured', 'stopped', 'idle', 'polling']),
  phase: z.enum(POLL_PHASES).nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }).nullable(),
  lastPoll: pollResultSchema.nullable(),
  /** Real time (ms) of the next scheduled poll. */
  nextPollAt: z.number().nullable(),
  /** Real time (ms) since when the tenant's services cannot be reached; null while they answer. */
  offlineSince: z.number().nullable(),
});
export type EngineStatusView = z.infer<typeof engineStatusSchema>;

export const pollNowRequestSchema = z.object({ full: z.boolean({ error: 'full is true or false.' }).optional() }).strict();

export const removalImpactRequestSchema = z
  .object({ names: z.array(z.string().min(1).max(LIMITS.groupNameLength)).min(1).max(LIMITS.enrollmentGroups.max) })
  .strict();
export const removalImpactSchema = z.object({ groups: z.array(z.string()), users: z.number().int(), devices: z.number().int() });
export type RemovalImpactView = z.infer<typeof removalImpactSchema>;

export const driftReportSchema = z.object({
  total: z.number().int(),
  rows: z.array(
    z.object({
      deviceId: z.string(),
      deviceName: z.string().nullable(),
      userPrincipalName: z.string().nullable(),
      intune: z.string().nullable(),
      console: z.string(),
      reason: z.enum(DRIFT_REASONS),
      reportedAt: z.number().nullable(),
      intuneAt: z.number().nullable(),
    }),
  ),
  /** True where nothing can be sent to Intune (a real tenant: the partner API is not public). */
  reportOnly: z.boolean(),
});
export type DriftReportView = z.infer<typeof driftReportSchema>;

export const syncNowResultSchema = z.object({
  /** 'reportOnly': nothing could be sent (a real tenant); Intune was read again. */
  mode: z.enum(['sync', 'reportOnly']),
  /** Devices whose state Intune took. */
  reported: z.number().int(),
  unknownDevices: z.number().int(),
  failedBatches: z.number().int(),
  /** The errors of the poll that carried the sync, in words. */
  errors: z.array(pollErrorSchema),
  /** The drift that is left. */
  drift: driftReportSchema,
});
export type SyncNowResultView = z.infer<typeof syncNowResultSchema>;
