// The persisted configuration document: one versioned object, validated whole on
// every load and every write. Older versions are migrated (electron/core/settings).
import { z } from '../ipc/zod';
import {
  accessSchema,
  classificationLevelsSchema,
  DEFAULT_ENROLLMENT_SETTINGS,
  enrollmentSettingsSchema,
  intuneConnectorSchema,
  notificationSwitchesSchema,
} from './configuration-schema';
import { connectionSettingsSchema } from './connection-settings';
import { smtpSettingsSchema } from './smtp-settings';
import { setupMarkSchema } from '../ipc/setup-channels';

export const CONFIGURATION_SCHEMA_VERSION = 3;

export const consentSchema = z.object({ grantedBy: z.string().min(1).max(256), grantedAt: z.iso.datetime() }).strict();
export type Consent = z.infer<typeof consentSchema>;

export const configurationDocumentSchema = z
  .object({
    schemaVersion: z.literal(CONFIGURATION_SCHEMA_VERSION),
    access: accessSchema.nullable(),
    consent: consentSchema.nullable(),
    connector: intuneConnectorSchema.nullable(),
    enrollment: enrollmentSettingsSchema,
    classificationLevels: classificationLevelsSchema,
    /** Each console user's e-mail notification switches, by user object id. */
    notifications: z.record(z.string().min(1).max(128), notificationSwitchesSchema),
    /** The SMTP server for error reports and digests; its password is kept apart, encrypted. */
    smtp: smtpSettingsSchema.nullable(),
    /** A real tenant profile's connection (tenant, app registration, cloud, polling identity, Lookout); null on the demo profile. */
    connection: connectionSettingsSchema.nullable(),
    /** Set-up steps confirmed without a setting of their own (who and when); absent in older files, which means not yet. */
    setupMarks: z
      .object({ disconnectedStatus: setupMarkSchema.optional(), classificationsReviewed: setupMarkSchema.optional() })
      .strict()
      .optional(),
  })
  .strict();
export type ConfigurationDocument = z.infer<typeof configurationDocumentSchema>;

export function defaultConfiguration(): ConfigurationDocument {
  return {
    schemaVersion: CONFIGURATION_SCHEMA_VERSION,
    access: null,
    consent: null,
    connector: null,
    enrollment: { ...DEFAULT_ENROLLMENT_SETTINGS },
    classificationLevels: {},
    notifications: {},
    smtp: null,
    connection: null,
  };
}
