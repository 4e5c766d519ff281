import { ApiError, INVALID_RESPONSE, type ServiceErrorDetail } from '../http/api-error';
import { isRecord } from '../http/json-shape';
import { readServiceErrorAnswer } from '../http/service-error-answer';

export const GRAPH_SERVICE = 'Microsoft Graph';

/** Graph answered 200 with something our client cannot use. */
export function invalidGraphAnswer(method: string, url: string, message: string): ApiError {
  return new ApiError({ service: GRAPH_SERVICE, status: 200, method, url, code: INVALID_RESPONSE, message });
}

/** Reads Graph's error format {error: {code, message, innerError: {'request-id', date}}}; anything else gives the status text. */
export function readGraphError(status: number, body: string, headers: Headers): ServiceErrorDetail {
  const { detail: fallback, parsed } = readServiceErrorAnswer(status, body, headers, ['request-id', 'client-request-id']);
  if (!isRecord(parsed) || !isRecord(parsed.error)) return fallback;
  const { code, message, innerError } = parsed.error;
  const detail: ServiceErrorDetail = {
    code: typeof code === 'string' && code !== '' ? code : fallback.code,
    message: typeof message === 'string' ? message : '',
  };
  const bodyRequestId = isRecord(innerError) && typeof innerError['request-id'] === 'string' ? innerError['request-id'] : undefined;
  const requestId = bodyRequestId ?? fallback.requestId;
  if (requestId !== undefined) detail.requestId = requestId;
  return detail;
}

const RESYNC_CODES = new Set(['resyncrequired', 'syncstatenotfound', 'syncstateinvalid', 'resyncapplydifferences', 'resyncuploaddifferences']);

/** Graph no longer knows the delta token: start over from the initial delta URL. */
export function isResyncRequired(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 410 || RESYNC_CODES.has(error.code.toLowerCase()));
}
