import { ConfidentialClientApplication, type ICachePlugin } from '@azure/msal-node';
import { GRAPH_DEFAULT_SCOPES, msalAuthOptions, PUBLIC_AUTHORITY_HOST } from './msal-authority';
import { SingleFlight } from '../http/single-flight';
import type { TokenProvider } from '../http/token-provider';

export interface MsalConfidentialProviderOptions {
  /** The customer's tenant id or domain; client credentials need a specific tenant. */
  tenantId: string;
  /** The app registration's application (client) id. */
  clientId: string;
  /** The registration's credential: a client secret, or a certificate's key with its SHA-256 thumbprint (x5c: the certificate itself). */
  credential: { clientSecret: string } | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c?: string } };
  /** The identity platform's origin; default the public cloud's. */
  authorityHost?: string;
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
      auth: { clientId: options.clientId, ...msalAuthOptions(options.authorityHost ?? PUBLIC_AUTHORITY_HOST, options.tenantId), ...options.credential },
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
