// Channel schemas for the SMTP server that error reports and threat digests go through.
import { smtpSettingsSchema } from '../config/smtp-settings';
import { z } from './zod';

/** Where the SMTP password is kept: encrypted by the OS key store, for this run only (no key store), or nowhere. */
export const PASSWORD_STORAGE = ['encrypted', 'session', 'none'] as const;

export const smtpViewSchema = z.object({
  settings: smtpSettingsSchema.nullable(),
  passwordStorage: z.enum(PASSWORD_STORAGE),
});
export type SmtpView = z.infer<typeof smtpViewSchema>;

export const SMTP_PASSWORD_MAX = 256;

export const smtpSaveSchema = z
  .object({
    settings: smtpSettingsSchema.omit({ passwordSet: true }),
    /** A new password; absent keeps the stored one. */
    password: z.string({ error: 'The SMTP password is text.' }).min(1, { error: 'The SMTP password cannot be empty (clear it instead).' }).max(SMTP_PASSWORD_MAX, { error: `The SMTP password has at most ${SMTP_PASSWORD_MAX} characters.` }).optional(),
    clearPassword: z.boolean().optional(),
  })
  .strict();
export type SmtpSave = z.infer<typeof smtpSaveSchema>;
