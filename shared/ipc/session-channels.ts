// Channel schemas for sign-in, tenant consent and the session.
import { ROLES } from './roles';
import { z } from './zod';

export const sessionUserSchema = z.object({ id: z.string(), displayName: z.string(), userPrincipalName: z.string() });
export type SessionUserInfo = z.infer<typeof sessionUserSchema>;

export const demoUserSchema = z.object({
  userPrincipalName: z.string(),
  displayName: z.string(),
  /** What the demo user stands for, shown on the sign-in screen. */
  kind: z.enum(['globalAdmin', 'full', 'restricted', 'outsider']),
});

export const sessionSchema = z.object({
  signedIn: z.boolean(),
  user: sessionUserSchema.nullable(),
  role: z.enum(ROLES).nullable(),
  /** Whether a Global Administrator has granted consent for the tenant. */
  consentRecorded: z.boolean(),
  /** A Global Administrator signed in before consent: the consent page is shown. */
  consentPendingFor: sessionUserSchema.nullable(),
  mode: z.enum(['demo', 'real']),
  /** The demo tenant's users to choose from (demo mode only). */
  demoUsers: z.array(demoUserSchema),
  /** The tenant profile this session belongs to. */
  profile: z.object({ id: z.string(), name: z.string() }),
  /** A browser sign-in (or admin consent) of a real tenant is waiting for its redirect. */
  browserStep: z.enum(['signIn', 'consent']).nullable(),
  /** Admitted with the role last checked, because the tenant could not be reached (ISO time since when). */
  offlineSince: z.iso.datetime().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const demoSignInSchema = z.object({ userPrincipalName: z.string().min(3).max(256) }).strict();
