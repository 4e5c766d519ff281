import type { FieldErrors } from './errors';

/** Fluent Field props for a field's message, if it has one. */
export function fieldState(errors: FieldErrors, field: string): { validationMessage?: string; validationState?: 'error' } {
  const message = errors[field];
  return message === undefined ? {} : { validationMessage: message, validationState: 'error' };
}
