// Typed errors that cross the IPC boundary. Electron passes only an Error's
// message over IPC, so errors travel as plain payloads inside an envelope and
// are rebuilt as AppError on the receiving side.
import { z } from './zod';

export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One rejected field: which field, which rule it broke, and a sentence for the admin. */
export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/** Values a message's words are built from, so the renderer can say it in the user's language. */
export type MessageParams = Record<string, string | number>;

/** Optional fields admit undefined, so what appErrorPayloadSchema parses is a payload as it is. */
export interface AppErrorPayload {
  code: ErrorCode;
  /** The English sentence, as shown today. */
  message: string;
  /** A stable code for this message (e.g. "graph.missingScope"): with params, what the renderer translates. */
  reason?: string | undefined;
  params?: MessageParams | undefined;
  /** The first offending field, when the error is about input. */
  field?: string | undefined;
  /** The rule that field broke, e.g. "range 5..1440". */
  rule?: string | undefined;
  /** Every offending field, when there are several. */
  issues?: FieldIssue[] | undefined;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly rule?: string;
  readonly issues?: FieldIssue[];
  readonly reason?: string;
  readonly params?: MessageParams;

  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'AppError';
    this.code = payload.code;
    if (payload.field !== undefined) this.field = payload.field;
    if (payload.rule !== undefined) this.rule = payload.rule;
    if (payload.issues !== undefined) this.issues = payload.issues;
    if (payload.reason !== undefined) this.reason = payload.reason;
    if (payload.params !== undefined) this.params = payload.params;
  }

  toPayload(): AppErrorPayload {
    const payload: AppErrorPayload = { code: this.code, message: this.message };
    if (this.field !== undefined) payload.field = this.field;
    if (this.rule !== undefined) payload.rule = this.rule;
    if (this.issues !== undefined) payload.issues = this.issues;
    if (this.reason !== undefined) payload.reason = this.reason;
    if (this.params !== undefined) payload.params = this.params;
    return payload;
  }

  static validation(issues: FieldIssue[]): AppError {
    const [first] = issues;
    return new AppError({
      code: 'validation',
      message: first ? first.message : 'The request is not valid.',
      ...(first ? { field: first.field, rule: first.rule } : {}),
      issues,
    });
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The payload's schema, for the boundaries that receive errors from another process. */
export const appErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  reason: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  field: z.string().optional(),
  rule: z.string().optional(),
  issues: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
});
