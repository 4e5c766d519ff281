/** What a service said about a failed call, read from its own error format. */
export interface ServiceErrorDetail {
  code: string;
  message: string;
  requestId?: string;
}

export interface ApiErrorInit extends ServiceErrorDetail {
  /** 'Microsoft Graph', 'Mobile Risk API'. */
  service: string;
  /** HTTP status; 0 when no answer came (network error) or the answer could not be read. */
  status: number;
  method: string;
  url: string;
  attempts?: number;
  cause?: unknown;
}

/** Codes of our own, for failures the service did not name. */
export const NETWORK_ERROR = 'networkError';
export const INVALID_RESPONSE = 'invalidResponse';
export const UNTRUSTED_URL = 'untrustedUrl';

/**
 * A failed API call: status, the service's error code and message, its request
 * id, and the URL's path only (queries can carry skip and delta tokens). Never
 * a token: the message is built from these fields and scrubbed.
 */
export class ApiError extends Error {
  readonly service: string;
  readonly status: number;
  readonly code: string;
  readonly serviceMessage: string;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(init: ApiErrorInit) {
    const path = urlPath(init.url);
    const serviceMessage = redactSecrets(init.message);
    const status = init.status === 0 ? 'no answer' : String(init.status);
    super(`${init.service} ${init.method} ${path}: ${status} ${init.code}${serviceMessage ? `: ${serviceMessage}` : ''}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.service = init.service;
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = serviceMessage;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = path;
    this.attempts = init.attempts ?? 1;
  }
}

/** The path of a URL, without query or fragment; the input itself when it is not a URL. */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

/** Removes bearer tokens and JWTs from text a service or a library wrote, in case it echoes them. */
export function redactSecrets(text: string): string {
  return text
    .replace(/Bearer\s+[^\s"',;]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]')
    .slice(0, 500);
}
