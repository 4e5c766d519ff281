// The whole configuration of the seeds (PRODUCT.md section 2): every setting with
// its rule and default. Main validates with these schemas; the renderer reads the
// same limits for its form hints. Messages name the field and the rule.
import { DEFAULT_THREAT_CLASSIFICATIONS, RISK_LEVELS } from '../domain/threat-classifications';
import { z } from '../ipc/zod';

export const LIMITS = {
  heartbeatMinutes: { min: 5, max: 1440, default: 15 },
  newDeviceCheckMinutes: { min: 1, max: 1440, default: 5 },
  disconnectedAfterDays: { min: 1, max: 90, default: 7 },
  enrollmentGroups: { min: 1, max: 50 },
  /** Entra ID caps a group's display name at 256 characters. */
  groupNameLength: 256,
  errorReportRecipients: { min: 1, max: 20 },
  /** RFC 5321: at most 254 characters in a forward path. */
  emailLength: 254,
} as const;

function wholeNumber(label: string, limits: { min: number; max: number }, unit: string) {
  const message = `${label} must be a whole number of ${unit} from ${limits.min} to ${limits.max}.`;
  return z.number({ error: message }).int({ error: message }).min(limits.min, { error: message }).max(limits.max, { error: message });
}

function guid(label: string) {
  return z.guid({ error: `${label} must be a GUID such as 00000000-0000-0000-0000-000000000000.` });
}

export const accessSchema = z
  .object({
    tenantId: z.string({ error: 'Tenant ID is required.' }).pipe(guid('Tenant ID')),
    fullAccessGroupId: z.string({ error: 'Full-access group object ID is required.' }).pipe(guid('Full-access group object ID')),
    restrictedAccessGroupId: guid('Restricted-access group object ID').optional(),
  })
  .strict()
  .refine((access) => access.restrictedAccessGroupId === undefined || access.restrictedAccessGroupId.toLowerCase() !== access.fullAccessGroupId.toLowerCase(), {
    error: 'Restricted-access group object ID must differ from the full-access group object ID.',
    path: ['restrictedAccessGroupId'],
  });
export type AccessSettings = z.infer<typeof accessSchema>;

const groupName = z
  .string({ error: 'Each enrollment group is a group display name.' })
  .min(1, { error: 'An enrollment group name cannot be empty.' })
  .max(LIMITS.groupNameLength, { error: `An enrollment group name has at most ${LIMITS.groupNameLength} characters.` })
  .refine((name) => name.trim() === name, { error: 'An enrollment group name cannot start or end with spaces (names match exactly).' });

export const enrollmentGroupsSchema = z
  .array(groupName, { error: 'Enrollment groups must be a list of group names.' })
  .min(LIMITS.enrollmentGroups.min, { error: `Enrollment groups must list from ${LIMITS.enrollmentGroups.min} to ${LIMITS.enrollmentGroups.max} groups.` })
  .max(LIMITS.enrollmentGroups.max, { error: `Enrollment groups must list from ${LIMITS.enrollmentGroups.min} to ${LIMITS.enrollmentGroups.max} groups.` })
  // Names match case-sensitively, so "Sales" and "sales" are two groups, but "Sales" twice is one.
  .refine((names) => new Set(names).size === names.length, { error: 'Each enrollment group may be listed only once.' });

const email = z
  .string({ error: 'Each error report recipient is an e-mail address.' })
  .max(LIMITS.emailLength, { error: `An e-mail address has at most ${LIMITS.emailLength} characters.` })
  .pipe(z.email({ error: 'Each error report recipient must be a valid e-mail address, such as admin@contoso.com.' }));

export const errorReportRecipientsSchema = z
  .array(email, { error: 'Error report recipients must be a list of e-mail addresses.' })
  .min(LIMITS.errorReportRecipients.min, { error: `Error report recipients must list from ${LIMITS.errorReportRecipients.min} to ${LIMITS.errorReportRecipients.max} addresses.` })
  .max(LIMITS.errorReportRecipients.max, { error: `Error report recipients must list from ${LIMITS.errorReportRecipients.min} to ${LIMITS.errorReportRecipients.max} addresses.` })
  .refine((list) => new Set(list.map((a) => a.toLowerCase())).size === list.length, { error: 'Each error report recipient may be listed only once.' });

export const intuneConnectorSchema = z
  .object({
    heartbeatMinutes: wholeNumber('Heartbeat frequency', LIMITS.heartbeatMinutes, 'minutes'),
    enrollmentGroups: enrollmentGroupsSchema,
    newDeviceCheckMinutes: wholeNumber('New-device check interval', LIMITS.newDeviceCheckMinutes, 'minutes'),
    stateSync: z
      .object({
        deviceStatus: z.boolean({ error: 'State sync of device status is on or off.' }),
        threatStatus: z.boolean({ error: 'State sync of threat status is on or off.' }),
      })
      .strict(),
    errorReportRecipients: errorReportRecipientsSchema,
  })
  .strict();
export type IntuneConnectorSettings = z.infer<typeof intuneConnectorSchema>;

export const enrollmentSettingsSchema = z
  .object({ disconnectedAfterDays: wholeNumber('Disconnected Status', LIMITS.disconnectedAfterDays, 'days') })
  .strict();
export type EnrollmentSettings = z.infer<typeof enrollmentSettingsSchema>;

export const notificationSwitchesSchema = z
  .object({
    high: z.boolean({ error: 'The High notification switch is on or off.' }),
    medium: z.boolean({ error: 'The Medium notification switch is on or off.' }),
    low: z.boolean({ error: 'The Low notification switch is on or off.' }),
  })
  .strict();
export type NotificationSwitches = z.infer<typeof notificationSwitchesSchema>;

const CLASSIFICATION_NAMES = DEFAULT_THREAT_CLASSIFICATIONS.map((c) => c.classification);
export const riskLevelSchema = z.enum(RISK_LEVELS, { error: `A risk level is one of ${RISK_LEVELS.join(', ')}.` });

/** Only the classifications whose level differs from the default are stored. */
export const classificationLevelsSchema = z
  .unknown()
  // zod's record silently drops a "__proto__" key; a forged payload with one is refused instead.
  .refine((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')), { error: 'Unknown threat classification.' })
  .pipe(z.partialRecord(z.enum(CLASSIFICATION_NAMES as [string, ...string[]], { error: 'Unknown threat classification.' }), riskLevelSchema));

export const DEFAULT_CONNECTOR_SETTINGS: Omit<IntuneConnectorSettings, 'enrollmentGroups' | 'errorReportRecipients'> = {
  heartbeatMinutes: LIMITS.heartbeatMinutes.default,
  newDeviceCheckMinutes: LIMITS.newDeviceCheckMinutes.default,
  stateSync: { deviceStatus: true, threatStatus: true },
};
export const DEFAULT_ENROLLMENT_SETTINGS: EnrollmentSettings = { disconnectedAfterDays: LIMITS.disconnectedAfterDays.default };
export const DEFAULT_NOTIFICATION_SWITCHES: NotificationSwitches = { high: false, medium: false, low: false };
