import { AppError, isErrorCode, type AppErrorPayload } from './errors';

/** What every call returns across the boundary: a result or a typed error, never a thrown string. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: AppErrorPayload };

export function ok<T>(result: T): Envelope<T> {
  return { ok: true, result };
}

export function fail(error: AppError): Envelope<never> {
  return { ok: false, error: error.toPayload() };
}

/** Unwraps an envelope received from the other side; anything malformed becomes an internal AppError. */
export function unwrap<T>(envelope: unknown): T {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const candidate = envelope as { ok: unknown; result?: unknown; error?: unknown };
    if (candidate.ok === true) return candidate.result as T;
    const error = candidate.error as Partial<AppErrorPayload> | undefined;
    if (error && isErrorCode(error.code) && typeof error.message === 'string') {
      throw new AppError(error as AppErrorPayload);
    }
  }
  throw new AppError({ code: 'internal', message: 'The console answered with a malformed response.' });
}
