// Messages between the main process and the engine's own process (a Node child
// process in the browser host and tests, an Electron utilityProcess in the app),
// declared once as schemas: each side parses what it receives, so no call site casts.
import { smtpSettingsSchema } from '../../shared/config/smtp-settings';
import { rerateOutcomeSchema } from '../../shared/ipc/configuration-channels';
import { driftReportSchema, engineStatusSchema, removalImpactSchema } from '../../shared/ipc/engine-channels';
import { AppError, appErrorPayloadSchema, type AppErrorPayload } from '../../shared/ipc/errors';
import { dashboardSchema, deviceDetailSchema, deviceFilterSchema, devicePageRequestSchema, devicePageSchema, deviceSortSchema } from '../../shared/ipc/inventory-channels';
import { tenantEndpointsSchema } from '../../shared/ipc/tenant-endpoints';
import { threatOptionsSchema, threatPageRequestSchema, threatPageSchema } from '../../shared/ipc/threat-channels';
import { toFieldIssues } from '../../shared/ipc/validate';
import { z } from '../../shared/ipc/zod';
import { engineConfigSchema } from './engine-config';

export type { TenantEndpoints } from '../../shared/ipc/tenant-endpoints';

/** The demo clock as an anchor, so the engine's "now" follows the tenant's without asking. */
export const clockAnchorSchema = z.object({ tenantTime: z.number(), realTime: z.number(), speed: z.number() });
export type ClockAnchor = z.infer<typeof clockAnchorSchema>;

export const smtpConnectionSchema = z.object({ settings: smtpSettingsSchema, password: z.string().optional() });
export type SmtpConnection = z.infer<typeof smtpConnectionSchema>;

export const pollOptionsSchema = z.object({
  /** Full discovery even if an incremental round would do. */
  full: z.boolean().optional(),
  /** State sync even if the heartbeat is not due. */
  sync: z.boolean().optional(),
});
export type PollOptions = z.infer<typeof pollOptionsSchema>;

const requestId = z.number().int();

export const engineQuerySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('removalImpact'), groupNames: z.array(z.string()) }),
  z.object({ kind: z.literal('integrityCheck') }),
  z.object({ kind: z.literal('drift') }),
  z.object({ kind: z.literal('dashboard') }),
  z.object({ kind: z.literal('devicePage'), request: devicePageRequestSchema }),
  z.object({ kind: z.literal('deviceDetail'), id: z.string() }),
  z.object({ kind: z.literal('devicesCsv'), filter: deviceFilterSchema, sort: deviceSortSchema }),
  /** The stored threats and devices rated with these classification levels: counted, and written when apply is set. */
  z.object({ kind: z.literal('rerate'), levels: engineConfigSchema.shape.classificationLevels, apply: z.boolean() }),
  z.object({ kind: z.literal('openThreatCounts') }),
  z.object({ kind: z.literal('threatPage'), request: threatPageRequestSchema }),
  z.object({ kind: z.literal('threatOptions') }),
]);
export type EngineQuery = z.infer<typeof engineQuerySchema>;
export type EngineQueryKind = EngineQuery['kind'];
export type EngineQueryOf<K extends EngineQueryKind> = Extract<EngineQuery, { kind: K }>;

const resultSchemas = {
  removalImpact: removalImpactSchema,
  integrityCheck: z.string(),
  drift: driftReportSchema,
  dashboard: dashboardSchema,
  devicePage: devicePageSchema,
  deviceDetail: deviceDetailSchema.nullable(),
  devicesCsv: z.object({ csv: z.string(), rows: z.number().int() }),
  rerate: rerateOutcomeSchema,
  openThreatCounts: z.record(z.string(), z.number().int()),
  threatPage: threatPageSchema,
  threatOptions: threatOptionsSchema,
} as const satisfies Record<EngineQueryKind, z.ZodType>;
type EngineQueryResults = { [K in EngineQueryKind]: z.output<(typeof resultSchemas)[K]> };
export type EngineQueryResult<K extends EngineQueryKind> = EngineQueryResults[K];

/** What each query answers: main parses the engine's reply with it. Typed as a mapped type, so one kind's schema gives that kind's result. */
export const engineQueryResults: { [K in EngineQueryKind]: z.ZodType<EngineQueryResults[K]> } = resultSchemas;

export const toEngineSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    dataDir: z.string(),
    tenant: tenantEndpointsSchema,
    clock: clockAnchorSchema,
    config: engineConfigSchema.nullable(),
    smtp: smtpConnectionSchema.nullable(),
    streamIdleMs: z.number().optional(),
  }),
  z.object({ type: z.literal('configure'), config: engineConfigSchema.nullable() }),
  z.object({ type: z.literal('clock'), clock: clockAnchorSchema }),
  z.object({ type: z.literal('smtp'), smtp: smtpConnectionSchema.nullable() }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('stop'), requestId }),
  z.object({ type: z.literal('pollNow'), requestId, options: pollOptionsSchema }),
  z.object({ type: z.literal('query'), requestId, query: engineQuerySchema }),
  z.discriminatedUnion('ok', [
    z.object({ type: z.literal('token'), requestId, ok: z.literal(true), token: z.string() }),
    z.object({ type: z.literal('token'), requestId, ok: z.literal(false), message: z.string() }),
  ]),
]);
export type ToEngine = z.infer<typeof toEngineSchema>;
export type EngineInit = Extract<ToEngine, { type: 'init' }>;

export const fromEngineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('status'), status: engineStatusSchema }),
  z.discriminatedUnion('ok', [
    // The value is parsed by the request that waits for it (engineQueryResults, pollResultSchema).
    z.object({ type: z.literal('reply'), requestId, ok: z.literal(true), value: z.unknown() }),
    z.object({ type: z.literal('reply'), requestId, ok: z.literal(false), error: appErrorPayloadSchema }),
  ]),
  z.object({ type: z.literal('fatal'), error: appErrorPayloadSchema }),
  /** A Graph token, when the tenant's tokenSource is 'host'; forceRefresh after Graph refused the last one. */
  z.object({ type: z.literal('tokenRequest'), requestId, forceRefresh: z.boolean() }),
]);
export type FromEngine = z.infer<typeof fromEngineSchema>;


/** An error as it crosses to main: an AppError as it is, anything else as an internal error with its message. */
export function toErrorPayload(error: unknown): AppErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A message from the other process, checked against its schema: a wrong shape is an
 * internal AppError naming each field, never passed on as if it were right. `what` names
 * the message for the admin, e.g. "The polling engine's poll result".
 */
export function parseEngineMessage<T>(schema: z.ZodType<T>, message: unknown, what: string): T {
  const parsed = schema.safeParse(message);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error);
  throw new AppError({ code: 'internal', message: `${what} does not have the expected shape (${issues.map((issue) => issue.message).join('; ').slice(0, 300)}).`, issues });
}
