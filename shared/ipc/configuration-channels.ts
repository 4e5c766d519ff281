// Channel schemas for configuration, directory checks and the audit log.
import {
  accessSchema,
  enrollmentSettingsSchema,
  intuneConnectorSchema,
  LIMITS,
  notificationSwitchesSchema,
  riskLevelSchema,
} from '../config/configuration-schema';
import { consentSchema } from '../config/configuration-document';
import { wellFormed } from '../config/well-formed';
import { THREAT_TYPES } from '../domain/threat-classifications';
import { z } from './zod';

export const systemSettingsSchema = z.object({
  access: accessSchema.nullable(),
  consent: consentSchema.nullable(),
  connector: intuneConnectorSchema.nullable(),
  enrollment: enrollmentSettingsSchema,
});
export type SystemSettings = z.infer<typeof systemSettingsSchema>;

export const classificationRowSchema = z.object({
  type: z.enum(THREAT_TYPES),
  classification: z.string(),
  level: riskLevelSchema,
  defaultLevel: riskLevelSchema,
  /** Open threats with this classification in the inventory (0 before the first poll). */
  openThreats: z.number().int().nonnegative(),
});
export const classificationListSchema = z.object({ classifications: z.array(classificationRowSchema) });
export type ClassificationRow = z.infer<typeof classificationRowSchema>;

export const setClassificationLevelSchema = z.object({ classification: z.string().min(1).max(64), level: riskLevelSchema }).strict();

/** What a classification change does to the stored threats and devices. */
export const rerateOutcomeSchema = z.object({
  /** Devices whose threat level changes. */
  devices: z.number().int().nonnegative(),
  /** Devices whose compliance changes. */
  compliance: z.number().int().nonnegative(),
  /** Stored threats whose risk level changes. */
  threats: z.number().int().nonnegative(),
});
export type RerateOutcome = z.infer<typeof rerateOutcomeSchema>;

/** A change as it was applied; rerated is null when the inventory could not be re-rated at once (the next poll does it). */
export const classificationChangeSchema = classificationListSchema.extend({ rerated: rerateOutcomeSchema.nullable() });

/** The change to count beforehand: one classification's new level, or every level back to its default. */
export const classificationImpactRequestSchema = z.union([setClassificationLevelSchema, z.object({ reset: z.literal(true) }).strict()]);

export const groupNamesRequestSchema = z
  .object({
    names: z
      .array(z.string().min(1).max(LIMITS.groupNameLength))
      .min(LIMITS.enrollmentGroups.min)
      .max(LIMITS.enrollmentGroups.max),
  })
  .strict();

export const GROUP_CHECK_STATUSES = ['ok', 'caseMismatch', 'unknown', 'ambiguous', 'notSecurityGroup'] as const;
export const groupCheckSchema = z.object({
  name: z.string(),
  status: z.enum(GROUP_CHECK_STATUSES),
  /** The directory's spelling(s) when only the case differs. */
  suggestions: z.array(z.string()),
  groupId: z.string().optional(),
  /** The object ids of every group with this exact name, when the name is ambiguous. */
  matchingGroupIds: z.array(z.string()).optional(),
  /** Direct user members (enrolled). */
  userCount: z.number().int().optional(),
  /** Members that are groups: ignored, since nested groups are not supported. */
  nestedGroupsIgnored: z.number().int().optional(),
});
export type GroupCheck = z.infer<typeof groupCheckSchema>;

export const enrollmentPreviewSchema = z.object({
  groups: z.array(groupCheckSchema),
  users: z.number().int(),
  devices: z.object({ supported: z.number().int(), unsupported: z.number().int(), byPlatform: z.record(z.string(), z.number().int()) }),
  nestedGroupsIgnored: z.number().int(),
});
export type EnrollmentPreview = z.infer<typeof enrollmentPreviewSchema>;

export const AUDIT_ACTIONS = ['settings.changed', 'connector.created', 'connector.deleted', 'classifications.reset', 'sign-in', 'consent', 'call.denied', 'profile.added', 'profile.renamed', 'profile.removed', 'stateSync.sent'] as const;
export const auditChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.string(),
  /** The actor's sign-in name (e-mail address), where the entry was made by a signed-in user. */
  actorUpn: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string(),
  outcome: z.enum(['ok', 'denied']),
  changes: z.array(auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditFilterSchema = z
  .object({
    actor: z
      .string({ error: 'Actor is text: part of a name or e-mail address.' })
      .max(256, { error: 'Actor has at most 256 characters.' })
      .refine(wellFormed, { error: 'Actor contains characters that are not valid text.' })
      .optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;
export const auditPageRequestSchema = auditFilterSchema.extend({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(200) }).strict();
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), total: z.number().int() });
export const auditCsvSchema = z.object({ filename: z.string(), csv: z.string() });

export { accessSchema, enrollmentSettingsSchema, intuneConnectorSchema, notificationSwitchesSchema };
