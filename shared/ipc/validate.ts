import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

/** Names a field by its path in the request, e.g. "connector.heartbeatMinutes"; the request itself is "request". */
function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'request' : path.map(String).join('.');
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `type ${issue.expected}`;
    case 'too_small':
      return `minimum ${String(issue.minimum)}`;
    case 'too_big':
      return `maximum ${String(issue.maximum)}`;
    case 'invalid_format':
      return `format ${issue.format}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'no unknown fields';
    default:
      return issue.code;
  }
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = fieldName(issue.path);
    return { field, rule: ruleOf(issue), message: `${field}: ${issue.message}` };
  });
}

/** Parses input against a schema; on failure throws a validation AppError naming each field and rule. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw AppError.validation(toFieldIssues(parsed.error));
  return parsed.data;
}
