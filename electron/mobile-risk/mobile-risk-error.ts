import { type ServiceErrorDetail } from '../http/api-error';
import { isRecord } from '../http/json-shape';

/**
 * Reads the Mobile Risk API's error answers: OAuth's {error, error_description}
 * from the token endpoint, {errorCode | error_code | code, message} or {errors: [...]}
 * elsewhere; anything else gives the status.
 */
export function readMobileRiskError(status: number, body: string, headers: Headers): ServiceErrorDetail {
  const detail: ServiceErrorDetail = { code: `http${status}`, message: '' };
  const requestId = headers.get('x-request-id') ?? headers.get('request-id');
  if (requestId !== null) detail.requestId = requestId;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return detail;
  }
  const source = isRecord(parsed) && Array.isArray(parsed.errors) && isRecord(parsed.errors[0]) ? parsed.errors[0] : parsed;
  if (!isRecord(source)) return detail;
  const code = [source.error, source.errorCode, source.error_code, source.code].find((value) => typeof value === 'string' && value !== '');
  const message = [source.error_description, source.message].find((value) => typeof value === 'string');
  if (typeof code === 'string') detail.code = code;
  if (typeof message === 'string') detail.message = message;
  if (typeof source.request_id === 'string') detail.requestId = source.request_id;
  return detail;
}
