// Typed errors that cross the IPC boundary. Electron passes only an Error's
// message over IPC, so errors travel as plain payloads inside an envelope and
// are rebuilt as AppError on the receiving side.

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

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  /** The first offending field, when the error is about input. */
  field?: string;
  /** The rule that field broke, e.g. "range 5..1440". */
  rule?: string;
  /** Every offending field, when there are several. */
  issues?: FieldIssue[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly rule?: string;
  readonly issues?: FieldIssue[];

  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'AppError';
    this.code = payload.code;
    if (payload.field !== undefined) this.field = payload.field;
    if (payload.rule !== undefined) this.rule = payload.rule;
    if (payload.issues !== undefined) this.issues = payload.issues;
  }

  toPayload(): AppErrorPayload {
    const payload: AppErrorPayload = { code: this.code, message: this.message };
    if (this.field !== undefined) payload.field = this.field;
    if (this.rule !== undefined) payload.rule = this.rule;
    if (this.issues !== undefined) payload.issues = this.issues;
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
