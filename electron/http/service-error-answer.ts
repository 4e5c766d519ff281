import type { ServiceErrorDetail } from './api-error';

export interface ServiceErrorAnswer {
  /** The status as the code, and the request id of the first header that has one: what is known before the body is read. */
  detail: ServiceErrorDetail;
  /** The body as JSON; undefined when it is not JSON. */
  parsed: unknown;
}

/** Where every service's reading of an error answer starts; each then reads its own format from `parsed`. */
export function readServiceErrorAnswer(status: number, body: string, headers: Headers, requestIdHeaders: readonly string[]): ServiceErrorAnswer {
  const detail: ServiceErrorDetail = { code: `http${status}`, message: '' };
  const requestId = requestIdHeaders.map((name) => headers.get(name)).find((value): value is string => value !== null);
  if (requestId !== undefined) detail.requestId = requestId;
  try {
    return { detail, parsed: JSON.parse(body) as unknown };
  } catch {
    return { detail, parsed: undefined };
  }
}
