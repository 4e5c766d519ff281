// A real tenant profile's connection settings (PRODUCT.md section 9): which tenant,
// which app registration, which cloud, who polls, and where Lookout's API is.
// Secrets (client secret, Lookout application key) are never part of them.
import { z } from '../ipc/zod';
import { wellFormed } from './well-formed';

export const CLOUDS = ['public', 'usGovernment', 'china'] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * delegated: the signed-in admin's own tokens; appSecret and appCertificate: the app
 * registration's own tokens, from a client secret or a certificate, for unattended polling.
 */
export const POLLING_IDENTITIES = ['delegated', 'appSecret', 'appCertificate'] as const;
export type PollingIdentity = (typeof POLLING_IDENTITIES)[number];

export const DEFAULT_LOOKOUT_BASE_URL = 'https://api.lookout.com';

/** Lookout shows an application key once; it is valid for one year, and the console warns this many days before. */
export const LOOKOUT_KEY_LIFETIME_DAYS = 365;
export const LOOKOUT_KEY_WARNING_DAYS = 30;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
/** The Microsoft first-party client ids other tools borrowed and Microsoft retired; our own registration is required. */
export const BORROWED_CLIENT_IDS: readonly string[] = [
  'd1ddf0e4-d672-4dae-b554-9d5bdfd93547', // Microsoft Intune PowerShell (retired)
  '14d82eec-204b-4c2f-b7e8-296a70dab67e', // Microsoft Graph PowerShell
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46', // Azure CLI
  '1950a258-227b-4e31-a9cf-717495945fc2', // Azure PowerShell
];

/** https, a host name, an optional port and path: no user, query or fragment (shared/ has no URL class to lean on). */
const HTTPS_URL = /^https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?(?:\/[\w.~!$&'()*+,;=:@%/-]*)?$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export const tenantSchema = z
  .string({ error: 'Tenant is required: the tenant ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.' })
  .max(253, { error: 'Tenant has at most 253 characters.' })
  .refine((value) => GUID.test(value) || DOMAIN.test(value), { error: 'Tenant must be a tenant ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.' })
  .refine((value) => !['common', 'organizations', 'consumers'].includes(value.toLowerCase()), { error: 'Tenant must name one tenant, not common, organizations or consumers.' })
  .transform((value) => value.toLowerCase());

export const clientIdSchema = z
  .string({ error: 'Application (client) ID is required.' })
  .refine((value) => GUID.test(value), { error: 'Application (client) ID must be a GUID such as 00000000-0000-0000-0000-000000000000.' })
  .refine((value) => !BORROWED_CLIENT_IDS.includes(value.toLowerCase()), {
    error: "Application (client) ID must be your own app registration's ID, not a Microsoft application's.",
  })
  .transform((value) => value.toLowerCase());

export const lookoutBaseUrlSchema = z
  .string({ error: 'Lookout Mobile Risk API URL is required.' })
  .max(2048, { error: 'Lookout Mobile Risk API URL has at most 2048 characters.' })
  .refine((value) => HTTPS_URL.test(value), {
    error: 'Lookout Mobile Risk API URL must be an https:// URL such as https://api.lookout.com, without user, query or fragment.',
  })
  .transform((value) => value.replace(/\/+$/, ''));

export const pollingIdentitySchema = z.enum(POLLING_IDENTITIES, {
  error: 'Polling identity is delegated (the signed-in admin), appSecret (the app with a client secret) or appCertificate (the app with a certificate).',
});

export const connectionSettingsSchema = z
  .object({
    tenant: tenantSchema,
    /** The tenant's GUID: the tenant itself, or the one its verified domain resolved to. */
    tenantId: z.string().refine((value) => GUID.test(value), { error: 'Tenant ID must be a GUID.' }).transform((v) => v.toLowerCase()),
    clientId: clientIdSchema,
    cloud: z.enum(CLOUDS, { error: 'Cloud is one of public, usGovernment or china.' }),
    pollingIdentity: pollingIdentitySchema,
    lookoutBaseUrl: lookoutBaseUrlSchema,
    /** When the Lookout application key was entered; it expires a year after Lookout created it. */
    lookoutKeySetAt: z.iso.datetime().nullable(),
  })
  .strict();
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export const secretSchema = (label: string, max: number) =>
  z
    .string({ error: `${label} is text.` })
    .min(1, { error: `${label} cannot be empty.` })
    .max(max, { error: `${label} has at most ${max} characters.` })
    .refine(wellFormed, { error: `${label} contains characters that are not valid text.` })
    .refine((value) => value.trim() === value, { error: `${label} cannot start or end with spaces.` });

/** A certificate and its key in one PEM file comfortably fit; a chain of a few certificates too. */
export const CLIENT_CERTIFICATE_MAX = 32_768;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN (RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\s]+-----END (RSA )?PRIVATE KEY-----/;

/**
 * The app registration's certificate with its private key, as one PEM text (the
 * certificate's public half is what the registration holds). Main reads it further:
 * that the key is the certificate's, RSA, and the certificate in its validity.
 */
export const clientCertificateSchema = z
  .string({ error: 'Client certificate is text: a PEM file with the certificate and its private key.' })
  .min(1, { error: 'Client certificate cannot be empty.' })
  .max(CLIENT_CERTIFICATE_MAX, { error: `Client certificate has at most ${CLIENT_CERTIFICATE_MAX} characters.` })
  .refine(wellFormed, { error: 'Client certificate contains characters that are not valid text.' })
  .refine((value) => !value.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----'), {
    error: 'Client certificate: the private key is protected by a passphrase; export it without one (the console keeps it in the OS key store).',
  })
  .refine((value) => PEM_CERTIFICATE.test(value), { error: 'Client certificate must hold a certificate (-----BEGIN CERTIFICATE-----), as a PEM file.' })
  .refine((value) => PEM_PRIVATE_KEY.test(value), { error: 'Client certificate must hold the private key too (-----BEGIN PRIVATE KEY-----), in the same PEM file.' });

/** The Microsoft Graph permissions the console asks for, and why: shown on the connection screen and the consent page. */
export const GRAPH_PERMISSIONS = [
  { name: 'User.Read', why: 'signIn' },
  { name: 'GroupMember.Read.All', why: 'enrollmentGroups' },
  { name: 'User.Read.All', why: 'memberNames' },
  { name: 'DeviceManagementManagedDevices.Read.All', why: 'managedDevices' },
  { name: 'DeviceManagementServiceConfig.Read.All', why: 'connector' },
  { name: 'DeviceManagementConfiguration.Read.All', why: 'compliancePolicies' },
  { name: 'DeviceManagementApps.Read.All', why: 'appProtection' },
] as const;
export type GraphPermission = (typeof GRAPH_PERMISSIONS)[number]['name'];
