// The one IPC contract: every channel's request and response schema, who may
// call it, and the events main sends to the renderer. Main, preload, renderer
// and the browser host all derive their types and checks from this map.
import { z } from './zod';
import type { ChannelName, EventName } from './channel-names';
import type { Envelope } from './envelope';
import type { Access } from './roles';
import {
  accessSchema,
  auditCsvSchema,
  auditFilterSchema,
  auditPageRequestSchema,
  auditPageSchema,
  classificationChangeSchema,
  classificationImpactRequestSchema,
  classificationListSchema,
  enrollmentPreviewSchema,
  enrollmentSettingsSchema,
  groupCheckSchema,
  groupNamesRequestSchema,
  intuneConnectorSchema,
  notificationSwitchesSchema,
  rerateOutcomeSchema,
  setClassificationLevelSchema,
  systemSettingsSchema,
} from './configuration-channels';
import { driftReportSchema, engineStatusSchema, pollNowRequestSchema, removalImpactRequestSchema, removalImpactSchema, syncNowResultSchema } from './engine-channels';
import {
  dashboardSchema,
  demoAdvanceSchema,
  demoClockSchema,
  demoSpeedSchema,
  deviceDetailRequestSchema,
  deviceDetailSchema,
  deviceExportRequestSchema,
  deviceExportSchema,
  devicePageRequestSchema,
  devicePageSchema,
} from './inventory-channels';
import { demoSignInSchema, sessionSchema } from './session-channels';
import {
  browserStepSchema,
  connectionSaveSchema,
  connectionTestSchema,
  connectionViewSchema,
  profileAddSchema,
  profileIdRequestSchema,
  profileListSchema,
  profileRenameSchema,
} from './profile-channels';
import { smtpSaveSchema, smtpViewSchema } from './smtp-channels';
import { classificationsReviewedSchema, setupChecklistSchema } from './setup-channels';
import { threatOptionsSchema, threatPageRequestSchema, threatPageSchema } from './threat-channels';
import { groupResolveRequestSchema, groupResolveResultSchema, groupSearchRequestSchema, groupSearchResultSchema, savedGroupChecksSchema } from './directory-channels';

export { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName, type ChannelName, type EventName } from './channel-names';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  access: Access;
  /** True when a call can change state; access-control tests enumerate these. */
  mutates: boolean;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

const FULL = ['full'] as const;
const EVERY_ROLE = ['full', 'restricted'] as const;

/** Channels that take no input accept nothing at all, so a forged payload is refused rather than ignored. */
const noInput = z.undefined();

export const noticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** demo: the embedded demo tenant; real: a configured Entra ID tenant. */
  mode: z.enum(['demo', 'real']),
  tenantConfigured: z.boolean(),
  host: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  platform: z.string(),
  /** What happened at start-up that the user must know (a settings file moved aside), shown until dismissed. */
  startupNotices: z.array(noticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  startedAt: z.iso.datetime(),
  checkedAt: z.iso.datetime(),
});
export type Health = z.infer<typeof healthSchema>;

export const channels = {
  'app.info': channel({ request: noInput, response: appInfoSchema, access: 'anyone', mutates: false }),
  'app.health': channel({ request: noInput, response: healthSchema, access: 'anyone', mutates: false }),
  'settings.get': channel({ request: noInput, response: systemSettingsSchema, access: FULL, mutates: false }),
  'access.save': channel({ request: accessSchema, response: accessSchema, access: FULL, mutates: true }),
  'connector.save': channel({ request: intuneConnectorSchema, response: intuneConnectorSchema, access: FULL, mutates: true }),
  'connector.delete': channel({ request: noInput, response: z.object({ deleted: z.boolean() }), access: FULL, mutates: true }),
  'enrollmentSettings.save': channel({ request: enrollmentSettingsSchema, response: enrollmentSettingsSchema, access: FULL, mutates: true }),
  'classifications.list': channel({ request: noInput, response: classificationListSchema, access: EVERY_ROLE, mutates: false }),
  'classifications.setLevel': channel({ request: setClassificationLevelSchema, response: classificationChangeSchema, access: FULL, mutates: true }),
  'classifications.reset': channel({ request: noInput, response: classificationChangeSchema, access: FULL, mutates: true }),
  'classifications.impact': channel({ request: classificationImpactRequestSchema, response: rerateOutcomeSchema, access: FULL, mutates: false }),
  'preferences.get': channel({ request: noInput, response: notificationSwitchesSchema, access: EVERY_ROLE, mutates: false }),
  'preferences.save': channel({ request: notificationSwitchesSchema, response: notificationSwitchesSchema, access: EVERY_ROLE, mutates: true }),
  'groups.validate': channel({ request: groupNamesRequestSchema, response: z.object({ results: z.array(groupCheckSchema) }), access: FULL, mutates: false }),
  'enrollment.preview': channel({ request: groupNamesRequestSchema, response: enrollmentPreviewSchema, access: FULL, mutates: false }),
  'audit.list': channel({ request: auditPageRequestSchema, response: auditPageSchema, access: FULL, mutates: false }),
  'audit.exportCsv': channel({ request: auditFilterSchema, response: auditCsvSchema, access: FULL, mutates: false }),
  // Sign-in and consent are open to the signed-out caller by nature; their handlers enforce the consent rules.
  'session.get': channel({ request: noInput, response: sessionSchema, access: 'anyone', mutates: false }),
  'session.signInDemo': channel({ request: demoSignInSchema, response: sessionSchema, access: 'anyone', mutates: true }),
  'session.signOut': channel({ request: noInput, response: sessionSchema, access: 'anyone', mutates: true }),
  'consent.grant': channel({ request: noInput, response: sessionSchema, access: 'anyone', mutates: true }),
  'consent.decline': channel({ request: noInput, response: sessionSchema, access: 'anyone', mutates: true }),
  'engine.status': channel({ request: noInput, response: engineStatusSchema, access: EVERY_ROLE, mutates: false }),
  'engine.start': channel({ request: noInput, response: engineStatusSchema, access: FULL, mutates: true }),
  'engine.stop': channel({ request: noInput, response: engineStatusSchema, access: FULL, mutates: true }),
  // Answers when the poll has started; progress and the result come as engine.status events.
  'engine.pollNow': channel({ request: pollNowRequestSchema, response: engineStatusSchema, access: FULL, mutates: true }),
  'enrollment.removalImpact': channel({ request: removalImpactRequestSchema, response: removalImpactSchema, access: FULL, mutates: false }),
  'stateSync.drift': channel({ request: noInput, response: driftReportSchema, access: FULL, mutates: false }),
  // Answers when the devices in drift were reported (a poll with state sync, run at once).
  'stateSync.syncNow': channel({ request: noInput, response: syncNowResultSchema, access: FULL, mutates: true }),
  'smtp.get': channel({ request: noInput, response: smtpViewSchema, access: FULL, mutates: false }),
  'smtp.save': channel({ request: smtpSaveSchema, response: smtpViewSchema, access: FULL, mutates: true }),
  'smtp.delete': channel({ request: noInput, response: smtpViewSchema, access: FULL, mutates: true }),
  'dashboard.get': channel({ request: noInput, response: dashboardSchema, access: EVERY_ROLE, mutates: false }),
  'devices.page': channel({ request: devicePageRequestSchema, response: devicePageSchema, access: EVERY_ROLE, mutates: false }),
  'devices.detail': channel({ request: deviceDetailRequestSchema, response: deviceDetailSchema, access: EVERY_ROLE, mutates: false }),
  'devices.exportCsv': channel({ request: deviceExportRequestSchema, response: deviceExportSchema, access: EVERY_ROLE, mutates: false }),
  'threats.page': channel({ request: threatPageRequestSchema, response: threatPageSchema, access: EVERY_ROLE, mutates: false }),
  'threats.options': channel({ request: noInput, response: threatOptionsSchema, access: EVERY_ROLE, mutates: false }),
  'demo.clock': channel({ request: noInput, response: demoClockSchema, access: EVERY_ROLE, mutates: false }),
  'demo.setSpeed': channel({ request: demoSpeedSchema, response: demoClockSchema, access: FULL, mutates: true }),
  'demo.advance': channel({ request: demoAdvanceSchema, response: demoClockSchema, access: FULL, mutates: true }),
  // Signed out, an admin still chooses which tenant to sign in to; adding and removing one takes Full.
  'profiles.list': channel({ request: noInput, response: profileListSchema, access: 'anyone', mutates: false }),
  'profiles.switch': channel({ request: profileIdRequestSchema, response: profileListSchema, access: 'anyone', mutates: true }),
  'profiles.add': channel({ request: profileAddSchema, response: profileListSchema, access: FULL, mutates: true }),
  'profiles.rename': channel({ request: profileRenameSchema, response: profileListSchema, access: FULL, mutates: true }),
  'profiles.remove': channel({ request: profileIdRequestSchema, response: profileListSchema, access: FULL, mutates: true }),
  'connection.get': channel({ request: noInput, response: connectionViewSchema, access: FULL, mutates: false }),
  'connection.save': channel({ request: connectionSaveSchema, response: connectionViewSchema, access: FULL, mutates: true }),
  'connection.test': channel({ request: noInput, response: connectionTestSchema, access: FULL, mutates: false }),
  // A real tenant's browser sign-in: begin gives the page to open, complete waits for its redirect (600 s at most).
  'session.beginSignIn': channel({ request: noInput, response: browserStepSchema, access: 'anyone', mutates: true }),
  'session.completeSignIn': channel({ request: noInput, response: sessionSchema, access: 'anyone', mutates: true }),
  'session.cancelSignIn': channel({ request: noInput, response: sessionSchema, access: 'anyone', mutates: true }),
  // A Global Administrator on the consent page of a real tenant: the admin consent page to open; consent.grant waits for its answer.
  'consent.begin': channel({ request: noInput, response: browserStepSchema, access: 'anyone', mutates: true }),
  // Every role sees the set-up steps; doing most of them takes Full.
  'setup.checklist': channel({ request: noInput, response: setupChecklistSchema, access: EVERY_ROLE, mutates: false }),
  'classifications.markReviewed': channel({ request: noInput, response: classificationsReviewedSchema, access: FULL, mutates: true }),
  // Security groups whose display name starts with the prefix, for the group pickers.
  'directory.searchGroups': channel({ request: groupSearchRequestSchema, response: groupSearchResultSchema, access: FULL, mutates: false }),
  'directory.resolveGroups': channel({ request: groupResolveRequestSchema, response: groupResolveResultSchema, access: FULL, mutates: false }),
  // What the directory said about the saved enrollment groups when they were saved; null before any save.
  'enrollment.groupChecks': channel({ request: noInput, response: savedGroupChecksSchema.nullable(), access: FULL, mutates: false }),
} as const satisfies Record<ChannelName, ChannelSpec>;

/** Events main pushes to the renderer. */
export const events = {
  'app.notice': noticeSchema,
  'engine.status': engineStatusSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type RequestOf<K extends ChannelName> = z.input<(typeof channels)[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<(typeof channels)[K]['response']>;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

type Call<K extends ChannelName, R> = undefined extends RequestOf<K>
  ? (request?: RequestOf<K>) => Promise<R>
  : (request: RequestOf<K>) => Promise<R>;

export type Unsubscribe = () => void;
export type Subscribe = <K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) => Unsubscribe;

export type ApiCalls = { [K in ChannelName]: Call<K, ResponseOf<K>> };
export type BridgeCalls = { [K in ChannelName]: Call<K, Envelope<ResponseOf<K>>> };

/** What the renderer programs against: typed calls that resolve to results and reject with AppError. */
export type Api = ApiCalls & { on: Subscribe };

/** What a transport offers (window.api from the preload, or the browser host over HTTP): envelopes, not exceptions. */
export type BridgeApi = BridgeCalls & { on: Subscribe };
