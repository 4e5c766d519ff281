import i18next from 'i18next';
import { AppError, isMessageReason, parseOrThrow, type MessageParams } from '../../shared/ipc';
import type { z } from '../../shared/ipc/zod';

/** Messages by field path, as the contract names fields: "heartbeatMinutes", "enrollmentGroups.0", "request". */
export type FieldErrors = Readonly<Record<string, string>>;

export interface Failure {
  /** Validation issues by field; empty for errors that are not about input. */
  fields: FieldErrors;
  /** A sentence for errors that are not about one field (forbidden, unavailable…). */
  message: string | null;
}

export const NO_FAILURE: Failure = { fields: {}, message: null };

/** The issue's sentence without the "field: " prefix the contract adds (the field is shown next to it). */
function withoutFieldPrefix(field: string, message: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** A message main sent, in the admin's language: by its reason and params when the catalog knows the reason, else as main wrote it. */
export function translated(said: { message: string; reason?: string | undefined; params?: MessageParams | undefined }): string {
  if (!isMessageReason(said.reason)) return said.message;
  return i18next.t(`errors.${said.reason}`, { ...said.params, defaultValue: said.message });
}

/** Turns what a call rejected with into messages per field, or one message for the whole form. */
export function failureOf(error: unknown): Failure {
  if (error instanceof AppError) {
    if (error.code === 'validation') {
      const issues = error.issues ?? (error.field ? [{ field: error.field, rule: error.rule ?? '', message: error.message }] : []);
      const fields: Record<string, string> = {};
      for (const issue of issues) fields[issue.field] ??= withoutFieldPrefix(issue.field, issue.message);
      return issues.length > 0 ? { fields, message: null } : { fields: {}, message: translated(error) };
    }
    return { fields: {}, message: translated(error) };
  }
  return { fields: {}, message: error instanceof Error && error.message ? error.message : i18next.t('common.unexpected') };
}

/**
 * As failureOf, and an error of another kind that names a field (a profile name already taken, a
 * domain that does not resolve to a tenant) is shown beside that field too.
 */
export function failureBesideFieldOf(error: unknown): Failure {
  if (error instanceof AppError && error.code !== 'validation' && error.field !== undefined && error.field !== '') {
    return { fields: { [error.field]: withoutFieldPrefix(error.field, translated(error)) }, message: null };
  }
  return failureOf(error);
}

/** The server's own rules, run before a call so the admin sees problems at once; the server checks again. */
export function check<S extends z.ZodType>(schema: S, draft: unknown): { ok: true; value: z.output<S> } | { ok: false; failure: Failure } {
  try {
    return { ok: true, value: parseOrThrow(schema, draft) };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** The messages no field on screen shows (e.g. "request", or a field of another form), so none is lost. */
export function unplacedMessages(fields: FieldErrors, isShown: (field: string) => boolean): string[] {
  return Object.entries(fields)
    .filter(([field]) => !isShown(field))
    .map(([, message]) => message);
}

/** What a number field holds: a number when it reads as one, else the text itself, so the schema names the rule. */
export function numberFrom(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** One sentence for a failed call that no form field shows (a load, an export, an action). */
export function messageOf(error: unknown): string {
  const failure = failureOf(error);
  return failure.message ?? Object.values(failure.fields).join(' ');
}
