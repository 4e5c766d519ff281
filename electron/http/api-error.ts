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
  /** How long the service asked us to wait (Retry-After), when that is why the call failed. */
  retryAfterMs?: number;
  /** Secrets the caller knows (an application key, a client secret): scrubbed from the message should the service echo them. */
  secrets?: readonly string[] | undefined;
}

/** Codes of our own, for failures the service did not name. */
export const NETWORK_ERROR = 'networkError';
export const INVALID_RESPONSE = 'invalidResponse';
export const UNTRUSTED_URL = 'untrustedUrl';
/** The service asked for a longer wait than the retry policy allows: it failed fast instead. */
export const RETRY_AFTER_TOO_LONG = 'retryAfterTooLong';
/** The call was never sent: its token provider failed. */
export const TOKEN_UNAVAILABLE = 'tokenUnavailable';

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
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    const path = urlPath(init.url);
    const serviceMessage = redactSecrets(init.message, init.secrets);
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
    this.retryAfterMs = init.retryAfterMs;
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

/** Removes the given secrets, bearer tokens and JWTs from text a service or a library wrote, in case it echoes them. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  return secrets
    .filter((secret) => secret !== '')
    .reduce((scrubbed, secret) => scrubbed.split(secret).join('[redacted]'), text)
    .replace(/Bearer\s+[^\s"',;]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]')
    .slice(0, 500);
}
