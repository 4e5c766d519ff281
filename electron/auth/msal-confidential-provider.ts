import { ConfidentialClientApplication, type ICachePlugin } from '@azure/msal-node';
import { authorityFor, GRAPH_DEFAULT_SCOPES } from './msal-authority';
import { SingleFlight } from './single-flight';
import type { TokenProvider } from './token-provider';

export interface MsalConfidentialProviderOptions {
  /** The customer's tenant id or domain; client credentials need a specific tenant. */
  tenantId: string;
  /** The app registration's application (client) id. */
  clientId: string;
  clientSecret: string;
  /** Persists msal's cache (app tokens); without it they live in memory. */
  cachePlugin?: ICachePlugin;
  /** Default: Microsoft Graph's '.default' (the application permissions granted to the registration). */
  scopes?: readonly string[];
}

/** App-only tokens (client credentials) from Entra ID through msal, for unattended polling. msal caches and renews them. */
export class MsalConfidentialProvider implements TokenProvider {
  private readonly app: ConfidentialClientApplication;
  private readonly scopes: string[];
  private readonly flight = new SingleFlight<string>();
  private skipCache = false;

  constructor(options: MsalConfidentialProviderOptions) {
    this.scopes = [...(options.scopes ?? GRAPH_DEFAULT_SCOPES)];
    this.app = new ConfidentialClientApplication({
      auth: { clientId: options.clientId, authority: authorityFor(options.tenantId), clientSecret: options.clientSecret },
      ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    });
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return this.flight.run(() => this.acquire(), signal);
  }

  invalidate(): void {
    this.skipCache = true;
  }

  private async acquire(): Promise<string> {
    const skipCache = this.skipCache;
    const result = await this.app.acquireTokenByClientCredential({ scopes: this.scopes, skipCache });
    if (!result?.accessToken) throw new Error('Entra ID returned no access token for the app registration.');
    if (skipCache) this.skipCache = false;
    return result.accessToken;
  }
}
