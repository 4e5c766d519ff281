import { type ServiceErrorDetail } from '../http/api-error';
import { isRecord } from '../http/json-shape';
import { readServiceErrorAnswer } from '../http/service-error-answer';

/**
 * Reads the Mobile Risk API's error answers: OAuth's {error, error_description}
 * from the token endpoint, {errorCode | error_code | code, message} or {errors: [...]}
 * elsewhere; anything else gives the status.
 */
export function readMobileRiskError(status: number, body: string, headers: Headers): ServiceErrorDetail {
  const { detail, parsed } = readServiceErrorAnswer(status, body, headers, ['x-request-id', 'request-id']);
  const source = isRecord(parsed) && Array.isArray(parsed.errors) && isRecord(parsed.errors[0]) ? parsed.errors[0] : parsed;
  if (!isRecord(source)) return detail;
  const code = [source.error, source.errorCode, source.error_code, source.code].find((value) => typeof value === 'string' && value !== '');
  const message = [source.error_description, source.message].find((value) => typeof value === 'string');
  if (typeof code === 'string') detail.code = code;
  if (typeof message === 'string') detail.message = message;
  if (typeof source.request_id === 'string') detail.requestId = source.request_id;
  return detail;
}
