// Channel schemas for tenant profiles, a real profile's connection settings, its test,
// and the browser sign-in and admin consent of a real tenant.
import { accessSchema } from '../config/configuration-schema';
import { clientCertificateSchema, CLOUDS, clientIdSchema, connectionSettingsSchema, lookoutBaseUrlSchema, pollingIdentitySchema, secretSchema, tenantSchema } from '../config/connection-settings';
import { wellFormed } from '../config/well-formed';
import { z } from './zod';

export const PROFILE_NAME_MAX = 64;

export const profileNameSchema = z
  .string({ error: 'Profile name is text.' })
  .min(1, { error: 'Profile name cannot be empty.' })
  .max(PROFILE_NAME_MAX, { error: `Profile name has at most ${PROFILE_NAME_MAX} characters.` })
  .refine(wellFormed, { error: 'Profile name contains characters that are not valid text.' })
  .refine((name) => name.trim() === name, { error: 'Profile name cannot start or end with spaces.' })
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: 'Profile name cannot contain control characters.' });

export const profileIdSchema = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, { error: 'A profile id is lower-case letters, digits and dashes.' });

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['demo', 'real']),
  /** The tenant a real profile connects to (its GUID), null for the demo profile. */
  tenantId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileListSchema = z.object({ activeId: z.string(), profiles: z.array(profileSchema) });
export type ProfileList = z.infer<typeof profileListSchema>;

export const lookoutAppKeySchema = secretSchema('Lookout application key', 4096);
export const clientSecretSchema = secretSchema('Client secret', 1024);

/** What a new real profile needs: the connection, the access groups roles come from, and the secrets. */
export const profileAddSchema = z
  .object({
    name: profileNameSchema,
    tenant: tenantSchema,
    clientId: clientIdSchema,
    cloud: z.enum(CLOUDS, { error: 'Cloud is one of public, usGovernment or china.' }),
    pollingIdentity: pollingIdentitySchema,
    lookoutBaseUrl: lookoutBaseUrlSchema,
    lookoutAppKey: lookoutAppKeySchema,
    clientSecret: clientSecretSchema.optional(),
    clientCertificate: clientCertificateSchema.optional(),
    fullAccessGroupId: accessSchema.shape.fullAccessGroupId,
    restrictedAccessGroupId: accessSchema.shape.restrictedAccessGroupId,
  })
  .strict()
  .refine((request) => request.pollingIdentity !== 'appSecret' || request.clientSecret !== undefined, {
    error: 'Client secret is required when the polling identity is the app with a client secret.',
    path: ['clientSecret'],
  })
  .refine((request) => request.pollingIdentity !== 'appCertificate' || request.clientCertificate !== undefined, {
    error: 'Client certificate is required when the polling identity is the app with a certificate.',
    path: ['clientCertificate'],
  })
  .refine((request) => request.restrictedAccessGroupId === undefined || request.restrictedAccessGroupId.toLowerCase() !== request.fullAccessGroupId.toLowerCase(), {
    error: 'Restricted-access group object ID must differ from the full-access group object ID.',
    path: ['restrictedAccessGroupId'],
  });
export type ProfileAddRequest = z.input<typeof profileAddSchema>;

export const profileRenameSchema = z.object({ id: profileIdSchema, name: profileNameSchema }).strict();
export const profileIdRequestSchema = z.object({ id: profileIdSchema }).strict();

export const secretStateSchema = z.enum(['set', 'notSet']);

export const certificateInfoSchema = z.object({
  /** SHA-256 of the certificate, upper-case hex, as the Entra admin center lists it under Certificates & secrets. */
  thumbprintSha256: z.string(),
  subject: z.string(),
  notAfter: z.iso.datetime(),
  /** Within the warning window before it expires (or already expired). */
  expiringSoon: z.boolean(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** The active real profile's connection as the screen shows it: settings, which secrets are set (never their values), the hosts in force. */
export const connectionViewSchema = z.object({
  settings: connectionSettingsSchema.nullable(),
  secrets: z.object({ clientSecret: secretStateSchema, clientCertificate: secretStateSchema, lookoutAppKey: secretStateSchema }),
  /** The stored client certificate's public facts (never its key): what the app registration must hold. */
  certificate: certificateInfoSchema.nullable(),
  /** encrypted: kept across restarts by the OS key store; session: kept in memory for this run only. */
  secretStorage: z.enum(['encrypted', 'session']),
  hosts: z.object({ authority: z.string(), graph: z.string(), lookout: z.string() }).nullable(),
  /** MTD_CONSOLE_ENDPOINTS points the cloud's hosts elsewhere (tests, private clouds). */
  endpointsOverridden: z.boolean(),
  /** When the Lookout key expires (a year after it was entered), and whether that is within the warning window. */
  lookoutKeyExpiresAt: z.iso.datetime().nullable(),
  lookoutKeyExpiringSoon: z.boolean(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const connectionSaveSchema = z
  .object({
    tenant: tenantSchema,
    clientId: clientIdSchema,
    cloud: z.enum(CLOUDS, { error: 'Cloud is one of public, usGovernment or china.' }),
    pollingIdentity: pollingIdentitySchema,
    lookoutBaseUrl: lookoutBaseUrlSchema,
    /** Absent: keep the stored one. */
    lookoutAppKey: lookoutAppKeySchema.optional(),
    clientSecret: clientSecretSchema.optional(),
    clientCertificate: clientCertificateSchema.optional(),
  })
  .strict();
export type ConnectionSaveRequest = z.input<typeof connectionSaveSchema>;

/** credentialRefused: Entra ID refused the app registration's client secret or certificate. */
export const CONNECTION_CHECK_STATUSES = ['ok', 'missingScope', 'missingIntuneRole', 'keyInvalid', 'credentialRefused', 'unreachable', 'signInRequired', 'consentRequired', 'failed'] as const;
export const connectionCheckSchema = z.object({
  /** What was checked: a Graph permission (its name) or 'lookout'. */
  id: z.string(),
  /** The call made, e.g. "GET /deviceManagement/managedDevices". */
  call: z.string(),
  status: z.enum(CONNECTION_CHECK_STATUSES),
  /** The missing permission, for missingScope. */
  scope: z.string().nullable(),
  /** The service's own words, trimmed, for anything but ok. */
  detail: z.string().nullable(),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;
export const connectionTestSchema = z.object({ checkedAt: z.iso.datetime(), checks: z.array(connectionCheckSchema) });
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

/** A browser step begun (sign-in or admin consent): the page to open; opened is true when main already opened the system browser. */
export const browserStepSchema = z.object({ url: z.string(), opened: z.boolean() });
export type BrowserStep = z.infer<typeof browserStepSchema>;
