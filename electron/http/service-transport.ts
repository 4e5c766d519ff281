// What a service client (Microsoft Graph, the Mobile Risk API) is built from, and the
// one way its transport is made of it: the defaults for fetch, clock, retries and budget.
import { normalizeBaseUrl } from './base-url';
import { type Clock, systemClock } from './clock';
import { type Fetch, type HttpTransport } from './fetch-with-retry';
import { type RequestBudget } from './request-budget';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { type TokenProvider } from './token-provider';

export interface ServiceClientOptions {
  /** Graph up to and including the version (https://graph.microsoft.com/v1.0), the Mobile Risk API's origin (https://api.lookout.com), or the demo tenant's loopback URL. */
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: Fetch;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  /** Share one per tenant; by default the client makes its own, a margin below the service's limits. */
  budget?: RequestBudget;
  /** Secrets the caller knows (a client secret, an application key), scrubbed from error messages. */
  secrets?: readonly string[];
}

export interface ServiceProfile {
  service: string;
  readError: HttpTransport['readError'];
  /** The budget a client makes for itself when the options bring none. */
  defaultBudget(clock: Clock): RequestBudget;
  /** Sees every answer's headers, with the budget the client uses. */
  onResponse?(headers: Headers, budget: RequestBudget): void;
}

export interface ServiceTransport {
  /** The base URL, normalized. */
  baseUrl: string;
  transport: HttpTransport & { budget: RequestBudget };
}

export function serviceTransport(options: ServiceClientOptions, profile: ServiceProfile): ServiceTransport {
  const clock = options.clock ?? systemClock;
  const budget = options.budget ?? profile.defaultBudget(clock);
  const { onResponse } = profile;
  const transport = {
    service: profile.service,
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    budget,
    tokens: options.tokens,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    readError: profile.readError,
    ...(onResponse ? { onResponse: (headers: Headers) => onResponse(headers, budget) } : {}),
  };
  return { baseUrl: normalizeBaseUrl(options.baseUrl), transport };
}
