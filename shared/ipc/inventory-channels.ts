// Channel schemas for the dashboard and the device explorer: aggregates and
// one page at a time, never the whole inventory.
import { COMPLIANCE_STATES } from '../domain/compliance';
import { DEVICE_STATES } from '../domain/device-state';
import { THREAT_LEVELS, THREAT_STATUSES } from '../domain/threat-level';
import { heartbeatHealthSchema } from './heartbeat-channels';
import { RISK_LEVELS } from '../domain/threat-classifications';
import { z } from './zod';

/** A device's state in the explorer: the lifecycle's four, or unsupported (listed, never enrolled). */
export const DEVICE_LIST_STATES = [...DEVICE_STATES, 'unsupported'] as const;
export type DeviceListState = (typeof DEVICE_LIST_STATES)[number];

export const DEVICE_SORT_COLUMNS = ['deviceName', 'userPrincipalName', 'platform', 'state', 'threatLevel', 'compliance', 'lastCheckinAt', 'lastSyncAt', 'stateSince'] as const;
export type DeviceSortColumn = (typeof DEVICE_SORT_COLUMNS)[number];

export const DEVICE_PAGE_MAX = 500;
export const SEARCH_MAX = 200;

export const deviceFilterSchema = z
  .object({
    search: z.string({ error: 'Search is text.' }).max(SEARCH_MAX, { error: `Search has at most ${SEARCH_MAX} characters.` }).optional(),
    states: z.array(z.enum(DEVICE_LIST_STATES, { error: `A state is one of ${DEVICE_LIST_STATES.join(', ')}.` })).max(DEVICE_LIST_STATES.length).optional(),
    platforms: z.array(z.string().min(1).max(32, { error: 'A platform name has at most 32 characters.' })).max(10).optional(),
    threatLevels: z.array(z.enum(THREAT_LEVELS, { error: `A threat level is one of ${THREAT_LEVELS.join(', ')}.` })).max(THREAT_LEVELS.length).optional(),
    compliance: z.array(z.enum(COMPLIANCE_STATES, { error: `Compliance is one of ${COMPLIANCE_STATES.join(', ')}.` })).max(COMPLIANCE_STATES.length).optional(),
    /** An enrollment group's display name, as configured. */
    enrollmentGroup: z.string().min(1).max(256).optional(),
  })
  .strict();
export type DeviceFilter = z.infer<typeof deviceFilterSchema>;

export const deviceSortSchema = z
  .object({
    column: z.enum(DEVICE_SORT_COLUMNS, { error: `Devices sort by one of ${DEVICE_SORT_COLUMNS.join(', ')}.` }),
    direction: z.enum(['asc', 'desc'], { error: 'The sort direction is asc or desc.' }),
  })
  .strict();
export type DeviceSort = z.infer<typeof deviceSortSchema>;

export const devicePageRequestSchema = z
  .object({
    filter: deviceFilterSchema,
    sort: deviceSortSchema,
    offset: z.number({ error: 'offset is a whole number.' }).int({ error: 'offset is a whole number.' }).min(0).max(1_000_000),
    limit: z.number({ error: 'limit is a whole number.' }).int({ error: 'limit is a whole number.' }).min(1).max(DEVICE_PAGE_MAX, { error: `A page has at most ${DEVICE_PAGE_MAX} devices.` }),
  })
  .strict();
export type DevicePageRequest = z.infer<typeof devicePageRequestSchema>;

export const deviceRowSchema = z.object({
  id: z.string(),
  deviceName: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  platform: z.string().nullable(),
  osVersion: z.string().nullable(),
  state: z.enum(DEVICE_LIST_STATES),
  /** Tenant time (ms) the device entered its state. */
  stateSince: z.number().nullable(),
  threatLevel: z.enum(THREAT_LEVELS),
  compliance: z.enum(COMPLIANCE_STATES),
  lastCheckinAt: z.number().nullable(),
  lastSyncAt: z.number().nullable(),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

export const devicePageSchema = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(deviceRowSchema) });
export type DevicePage = z.infer<typeof devicePageSchema>;

export const deviceDetailRequestSchema = z.object({ id: z.string().min(1).max(64) }).strict();

export const deviceDetailSchema = z.object({
  device: deviceRowSchema.extend({
    stateReason: z.enum(['leftEnrollmentGroups', 'leftIntune', 'deactivatedByService']).nullable(),
    enrollmentGroups: z.array(z.string()),
    mtdDeviceId: z.string().nullable(),
    activation: z.string().nullable(),
    /** What state sync last reported to Intune, and when (tenant time). */
    reportedState: z.string().nullable(),
    reportedAt: z.number().nullable(),
    /** Intune's partner state as last known: listed by Intune, or reported by the console since; with when (tenant time). */
    intunePartnerState: z.string().nullable(),
    intuneStateAt: z.number().nullable(),
    intuneStateBy: z.enum(['listed', 'reported']).nullable(),
  }),
  history: z.array(z.object({ at: z.number(), state: z.enum(DEVICE_STATES), reason: z.string().nullable() })),
  threats: z.array(
    z.object({
      guid: z.string(),
      type: z.string(),
      classifications: z.array(z.string()),
      level: z.enum(RISK_LEVELS),
      status: z.enum(THREAT_STATUSES),
      detectedAt: z.number().nullable(),
      closedAt: z.number().nullable(),
    }),
  ),
});
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

export const deviceExportRequestSchema = z.object({ filter: deviceFilterSchema, sort: deviceSortSchema }).strict();
export const deviceExportSchema = z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() });

const countsSchema = z.object({ pending: z.number().int(), active: z.number().int(), disconnected: z.number().int(), deactivated: z.number().int() });

export const TREND_POINTS_MAX = 240;

export const dashboardSchema = z.object({
  /** The inventory's time (the tenant's) of the last evaluation; null before the first poll. */
  asOf: z.number().nullable(),
  counts: countsSchema,
  unsupported: z.number().int(),
  /** Counts over time, at most TREND_POINTS_MAX points, oldest first. */
  trend: z.array(countsSchema.extend({ at: z.number() })),
  /** Threat levels of the devices the MTD service protects (active and disconnected; a pending device has no partner data). */
  threatLevels: z.object({ secured: z.number().int(), low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
  /** Compliance of the enrolled devices (pending, active, disconnected); pending ones have no partner data. */
  compliance: z.object({ compliant: z.number().int(), noncompliant: z.number().int(), noPartnerData: z.number().int() }),
  health: z.object({
    lastHeartbeatAt: z.number().nullable(),
    /** Intune's view of the connector (mobileThreatDefenseConnector.partnerState). */
    partnerState: z.string().nullable(),
    unresponsiveAfterDays: z.number().int().nullable(),
    /** Days left before Intune would mark the partner unresponsive, from the last heartbeat. */
    daysLeft: z.number().nullable(),
    /** The last sync errors: their English words, and the reason and params the renderer translates. */
    lastErrors: z.array(z.object({ at: z.number(), step: z.string(), message: z.string(), reason: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
    /** Heartbeats of the last 30 days and the hours left before Intune would mark the partner unresponsive. */
    heartbeats: heartbeatHealthSchema,
  }),
  enrollmentGroups: z.array(z.object({ name: z.string(), status: z.string() })),
  platforms: z.array(z.string()),
  /** The state sync switches in force; null without a connector. */
  stateSync: z.object({ deviceStatus: z.boolean(), threatStatus: z.boolean() }).nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const demoClockSchema = z.object({ mode: z.enum(['demo', 'real']), now: z.number(), speed: z.number() });
export type DemoClockView = z.infer<typeof demoClockSchema>;
export const DEMO_SPEED_MAX = 100_000;
export const demoSpeedSchema = z
  .object({ speed: z.number({ error: 'Speed is a number.' }).min(0, { error: `Speed is from 0 to ${DEMO_SPEED_MAX} times real time.` }).max(DEMO_SPEED_MAX, { error: `Speed is from 0 to ${DEMO_SPEED_MAX} times real time.` }) })
  .strict();
export const demoAdvanceSchema = z
  .object({ hours: z.number({ error: 'Hours is a number.' }).int({ error: 'Hours is a whole number.' }).min(1, { error: 'Advance the demo clock by 1 to 2160 hours (90 days).' }).max(2160, { error: 'Advance the demo clock by 1 to 2160 hours (90 days).' }) })
  .strict();
