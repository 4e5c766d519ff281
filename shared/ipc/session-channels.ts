// Channel schemas for sign-in, tenant consent and the session (issue 5).
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
});
export type Session = z.infer<typeof sessionSchema>;

export const demoSignInSchema = z.object({ userPrincipalName: z.string().min(3).max(256) }).strict();
