// The v2 admin consent: the browser opens <authority>/<tenant>/v2.0/adminconsent, an
// administrator accepts the app's permissions for the whole tenant, and the answer
// comes back as a GET on our loopback listener's /adminconsent path.
import { randomBytes } from 'node:crypto';
import type { LoopbackPageTexts } from './loopback-pages';
import { startAdminConsentRedirect, type AdminConsentResponse } from './loopback-redirect-server';
import { authorityOrigin, authorityTenant, PUBLIC_AUTHORITY_HOST } from './msal-authority';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AdminConsentOptions {
  /** The identity platform's origin; default the public cloud's. */
  authorityHost?: string;
  /** The tenant's GUID or verified domain ('organizations' lets the admin's own tenant answer). */
  tenant: string;
  clientId: string;
  /** What to consent to; 'https://graph.microsoft.com/.default' is everything the app registration lists. */
  scope: string;
  /** Shows the consent page: the system browser, or (browser host) a recorder the renderer opens a tab from. */
  openBrowser: (url: string) => Promise<void>;
  timeoutMs: number;
  signal?: AbortSignal;
  preferredPort?: number;
  pages?: LoopbackPageTexts;
}

/** Consent was granted. `reportedTenant` is what the redirect claims: compare it, never trust it. */
export type AdminConsentResult = AdminConsentResponse;

export function adminConsentUrl(init: { authorityHost: string; tenant: string; clientId: string; scope: string; redirectUri: string; state: string }): string {
  const origin = authorityOrigin(init.authorityHost).origin;
  const tenant = authorityTenant(init.tenant);
  if (!GUID.test(init.clientId)) throw new RangeError('The client id must be a GUID.');
  if (init.scope.trim() === '' || init.scope.length > 2048) throw new RangeError('The consent needs a scope, such as https://graph.microsoft.com/.default.');
  const query = new URLSearchParams({ client_id: init.clientId, scope: init.scope, redirect_uri: init.redirectUri, state: init.state });
  return `${origin}/${tenant}/v2.0/adminconsent?${query.toString()}`;
}

/**
 * One admin consent under way. `url` settles as soon as the page is known (before
 * the wait), for hosts that open it themselves; `result` settles once the loopback
 * port is closed: with the grant, or AuthorizationResponseError (declined, not an
 * admin), SignInTimeoutError, or the abort reason.
 */
export class AdminConsentRequest {
  readonly url: Promise<string>;
  readonly result: Promise<AdminConsentResult>;
  private readonly stop = new AbortController();
  private gotUrl!: (url: string) => void;
  private noUrl!: (error: unknown) => void;

  constructor(private readonly options: AdminConsentOptions) {
    this.url = new Promise<string>((resolve, reject) => {
      this.gotUrl = resolve;
      this.noUrl = reject;
    });
    this.url.catch(() => undefined);
    // A consent that fails before its page exists fails `url` too (a settled url stays as it is).
    this.result = this.run().catch((error: unknown) => {
      this.noUrl(error);
      throw error;
    });
    this.result.catch(() => undefined);
  }

  cancel(reason: Error): void {
    this.stop.abort(reason);
  }

  private async run(): Promise<AdminConsentResult> {
    const { options } = this;
    const state = randomBytes(32).toString('base64url');
    const signal = options.signal ? AbortSignal.any([options.signal, this.stop.signal]) : this.stop.signal;
    const build = (redirectUri: string) =>
      adminConsentUrl({ authorityHost: options.authorityHost ?? PUBLIC_AUTHORITY_HOST, tenant: options.tenant, clientId: options.clientId, scope: options.scope, redirectUri, state });
    // Bad input fails before any port opens.
    build('http://localhost');
    const redirect = await startAdminConsentRedirect({
      state,
      timeoutMs: options.timeoutMs,
      signal,
      ...(options.preferredPort === undefined ? {} : { preferredPort: options.preferredPort }),
      ...(options.pages === undefined ? {} : { pages: options.pages }),
    });
    try {
      const url = build(redirect.redirectUri);
      this.gotUrl(url);
      await options.openBrowser(url);
      return await redirect.result;
    } finally {
      await redirect.close();
    }
  }
}

export function requestAdminConsent(options: AdminConsentOptions): Promise<AdminConsentResult> {
  return new AdminConsentRequest(options).result;
}
