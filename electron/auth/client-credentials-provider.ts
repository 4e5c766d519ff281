import { redactSecrets } from '../http/api-error';
import { isHttpsOrLoopback } from '../http/base-url';
import { systemClock, type Clock } from '../http/clock';
import { isRecord, positiveSeconds } from '../http/json-shape';
import { SingleFlight } from '../http/single-flight';
import { TokenRequestError } from '../http/token-request-error';
import type { TokenProvider } from '../http/token-provider';

export interface ClientCredentialsProviderOptions {
  /** The issuer's token endpoint: https, or http on loopback only (the demo tenant's issuer). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** e.g. 'https://graph.microsoft.com/.default'. */
  scope: string;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Per token request; default 30 s. */
  timeoutMs?: number;
}

interface CachedToken {
  accessToken: string;
  /** When getToken stops serving it: a safety margin before it expires. */
  refreshAt: number;
}

const MAX_MARGIN_MS = 5 * 60_000;
const MARGIN_SHARE = 0.1;
/** How long a token without `expires_in` is served (RFC 6749 leaves the default to the server). */
const DEFAULT_LIFETIME_S = 300;

/** OAuth 2.0 client-credentials grant (RFC 6749 §4.4) over fetch, with the secret in the form body. */
export class ClientCredentialsProvider implements TokenProvider {
  readonly #secret: string;
  private readonly tokenUrl: URL;
  private readonly clientId: string;
  private readonly scope: string;
  private readonly clock: Clock;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly flight = new SingleFlight<CachedToken>();
  private cached: CachedToken | null = null;

  constructor(options: ClientCredentialsProviderOptions) {
    this.tokenUrl = checkedTokenUrl(options.tokenUrl);
    this.#secret = options.clientSecret;
    this.clientId = options.clientId;
    this.scope = options.scope;
    this.clock = options.clock ?? systemClock;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async getToken(signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    if (this.cached && this.clock.now() < this.cached.refreshAt) return this.cached.accessToken;
    const token = await this.flight.run(() => this.requestToken(), signal);
    return token.accessToken;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async requestToken(): Promise<CachedToken> {
    const sentAt = this.clock.now();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_secret: this.#secret,
      scope: this.scope,
    });
    const endpoint = `${this.tokenUrl.origin}${this.tokenUrl.pathname}`;
    let status: number;
    let text: string;
    try {
      const response = await this.fetchImpl(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        // A 307/308 would replay the form, secret included, to wherever the redirect points.
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new TokenRequestError({ failure: 'network', message: `Token request to ${endpoint} got no answer (${reasonOf(error)}).`, cause: error });
    }
    const json = parseJson(text);
    if (status !== 200) throw this.httpError(endpoint, status, json);
    const token = this.tokenFrom(json, sentAt);
    if (!token) throw new TokenRequestError({ failure: 'invalid_response', status, message: `Token endpoint ${endpoint} answered 200 without a usable bearer token.` });
    this.cached = token;
    return token;
  }

  private tokenFrom(json: unknown, sentAt: number): CachedToken | null {
    if (!isRecord(json)) return null;
    const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = json;
    if (typeof accessToken !== 'string' || accessToken === '') return null;
    if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) return null;
    const lifetimeS = lifetimeSeconds(expiresIn);
    if (lifetimeS === null) return null;
    const lifetimeMs = lifetimeS * 1000;
    return { accessToken, refreshAt: sentAt + lifetimeMs - Math.min(MAX_MARGIN_MS, lifetimeMs * MARGIN_SHARE) };
  }

  private httpError(endpoint: string, status: number, json: unknown): TokenRequestError {
    const oauthError = isRecord(json) && typeof json.error === 'string' ? this.redact(json.error) : undefined;
    const description = isRecord(json) && typeof json.error_description === 'string' ? this.redact(json.error_description) : undefined;
    const said = [oauthError, description].filter((part) => part !== undefined).join(': ');
    return new TokenRequestError({
      failure: 'http',
      status,
      message: `Token request to ${endpoint} failed with HTTP ${status}${said ? `: ${said}` : '.'}`,
      ...(oauthError === undefined ? {} : { oauthError }),
      ...(description === undefined ? {} : { oauthErrorDescription: description }),
    });
  }

  /** Servers do not echo secrets, but an error message is no place to find out. */
  private redact(text: string): string {
    return redactSecrets(text, [this.#secret]);
  }
}

function checkedTokenUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('The token URL is not a valid URL.');
  }
  if (!isHttpsOrLoopback(url)) throw new Error('The token URL must use https (plain http only on loopback).');
  if (url.username || url.password) throw new Error('The token URL must not carry credentials.');
  return url;
}

/** `expires_in` as a positive number of seconds. */
function lifetimeSeconds(value: unknown): number | null {
  return value === undefined ? DEFAULT_LIFETIME_S : positiveSeconds(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  if (error.name === 'TimeoutError') return 'timed out';
  const cause: unknown = error.cause;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return cause instanceof Error ? cause.message : error.message;
}
