// The one place a failure of a service becomes the typed error that reaches the screen:
// a refused Graph call, a refused Lookout key, a link elsewhere, any other failed call.
// Errors already typed where they arose (an SMTP refusal) pass as they are.
import { appError, lineOf, type MessageLine } from '../../shared/ipc/error-messages';
import { AppError } from '../../shared/ipc/errors';
import { graphRefusalError } from '../graph/graph-permission-error';
import { ApiError, UNTRUSTED_URL } from '../http/api-error';
import { mobileRiskKeyRefusal } from '../mobile-risk/mobile-risk-key-refusal';

/** The typed error a failure means; null for what no service said, which is a bug. */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (!(error instanceof ApiError)) return null;
  const refusal = graphRefusalError(error) ?? mobileRiskKeyRefusal(error);
  if (refusal) return refusal;
  // A link to another address is not followed (the token would go with it): said as such, not as the client's code.
  if (error.code === UNTRUSTED_URL) return appError('unavailable', 'service.otherAddress', { service: error.service });
  const params = { service: error.service, method: error.method, path: error.path, status: error.status === 0 ? 'no answer' : error.status, serviceCode: error.code };
  return error.serviceMessage ? appError('unavailable', 'service.failedSaying', { ...params, detail: error.serviceMessage }) : appError('unavailable', 'service.failed', params);
}

/** A failed step's line for a poll's summary: the typed error's words, reason and params, or the bug's own message. */
export function failureLine(error: unknown): MessageLine {
  const known = appErrorOf(error);
  if (known) return lineOf(known);
  const detail = error instanceof Error ? error.message : String(error);
  return lineOf(new AppError({ code: 'internal', message: detail }));
}

/** The sentence for a failure, as a poll's summary and the error report say it. */
export function messageOf(error: unknown): string {
  return failureLine(error).message;
}
