// One real tenant's Microsoft identity for the console: msal-node's public client with
// the profile's encrypted token cache, the browser sign-in and the v2 admin consent.
// The browser host opens the pages itself (a new tab), so every step hands out its URL.
import type { ICachePlugin } from '@azure/msal-node';
import type { BrowserStep } from '../../../shared/ipc';
import { requestAdminConsent } from '../../auth/admin-consent';
import { GRAPH_DEFAULT_SCOPES } from '../../auth/msal-authority';
import { MsalInteractiveProvider, SIGN_IN_SCOPES } from '../../auth/msal-interactive-provider';
import type { TokenProvider } from '../../http/token-provider';

export interface EntraAccount {
  username: string;
  oid: string;
  tid: string;
  name?: string;
}

export interface EntraIdentity {
  restore(): Promise<EntraAccount | null>;
  beginSignIn(): Promise<BrowserStep>;
  completeSignIn(): Promise<EntraAccount>;
  beginAdminConsent(): Promise<BrowserStep>;
  completeAdminConsent(): Promise<void>;
  /** Stops a sign-in or consent under way (its loopback port closes). */
  cancel(): void;
  /** The signed-in admin's User.Read token: enough for the role check. */
  userReadTokens(): TokenProvider;
  /** The signed-in admin's token for every consented Graph permission, for delegated polling. */
  graphTokens(): TokenProvider;
  signOut(): Promise<void>;
}

export interface EntraIdentityOptions {
  clientId: string;
  /** What the admin entered: the tenant's GUID or a verified domain. */
  tenant: string;
  /** The tenant's GUID; an account from any other tenant is refused. */
  tenantId: string;
  authorityHost: string;
  cachePlugin?: ICachePlugin;
  /** Opens the system browser (Electron); absent in the browser host, whose tab opens the URL itself. */
  openExternal?: (url: string) => Promise<void>;
  timeoutMs: number;
}

const GRAPH_DEFAULT_SCOPE = GRAPH_DEFAULT_SCOPES[0]!;

interface BrowserFlow<T> {
  url: Promise<string>;
  result: Promise<T>;
  abort: AbortController;
}

function startFlow<T>(run: (openBrowser: (url: string) => Promise<void>, signal: AbortSignal) => Promise<T>, openExternal: ((url: string) => Promise<void>) | undefined): BrowserFlow<T> {
  const abort = new AbortController();
  let gotUrl!: (url: string) => void;
  let failed!: (error: unknown) => void;
  const url = new Promise<string>((resolve, reject) => {
    gotUrl = resolve;
    failed = reject;
  });
  const result = run(async (page) => {
    gotUrl(page);
    if (openExternal) await openExternal(page);
  }, abort.signal);
  result.catch((error: unknown) => failed(error));
  url.catch(() => undefined);
  return { url, result, abort };
}

export function createEntraIdentity(options: EntraIdentityOptions): EntraIdentity {
  const provider = new MsalInteractiveProvider({
    clientId: options.clientId,
    tenantId: options.tenant,
    expectedTenantId: options.tenantId,
    authorityHost: options.authorityHost,
    openBrowser: (url) => (openBrowser ? openBrowser(url) : Promise.resolve()),
    signInWhenNeeded: false,
    signInTimeoutMs: options.timeoutMs,
    ...(options.cachePlugin ? { cachePlugin: options.cachePlugin } : {}),
  });
  // The page opener of the sign-in under way (the provider takes one opener for its life).
  let openBrowser: ((url: string) => Promise<void>) | null = null;
  let signIn: BrowserFlow<EntraAccount> | null = null;
  let consent: BrowserFlow<unknown> | null = null;
  const tokensFor = (scopes: string[]): TokenProvider => {
    let force = false;
    return {
      getToken: async () => {
        const token = await provider.tokenFor(scopes, { forceRefresh: force });
        force = false;
        return token;
      },
      invalidate: () => {
        force = true;
      },
    };
  };
  return {
    restore: () => provider.restore(),
    async beginSignIn() {
      signIn?.abort.abort(new Error('A new sign-in was started.'));
      signIn = startFlow(
        (opener, signal) => {
          openBrowser = opener;
          return provider.signIn(signal, [...SIGN_IN_SCOPES]);
        },
        options.openExternal,
      );
      return { url: await signIn.url, opened: options.openExternal !== undefined };
    },
    async completeSignIn() {
      if (!signIn) throw new Error('No sign-in is under way.');
      const flow = signIn;
      try {
        return await flow.result;
      } finally {
        if (signIn === flow) signIn = null;
      }
    },
    async beginAdminConsent() {
      consent?.abort.abort(new Error('A new consent was started.'));
      consent = startFlow(
        (opener, signal) =>
          requestAdminConsent({
            authorityHost: options.authorityHost,
            tenant: options.tenantId,
            clientId: options.clientId,
            scope: GRAPH_DEFAULT_SCOPE,
            openBrowser: opener,
            timeoutMs: options.timeoutMs,
            signal,
          }),
        options.openExternal,
      );
      return { url: await consent.url, opened: options.openExternal !== undefined };
    },
    async completeAdminConsent() {
      if (!consent) throw new Error('No admin consent is under way.');
      const flow = consent;
      try {
        await flow.result;
        // The new permissions are in the next token only: fetch it now, so a revoked or partial consent shows at once.
        await provider.tokenFor([GRAPH_DEFAULT_SCOPE], { forceRefresh: true });
      } finally {
        if (consent === flow) consent = null;
      }
    },
    cancel() {
      signIn?.abort.abort(new Error('The sign-in was cancelled.'));
      consent?.abort.abort(new Error('The admin consent was cancelled.'));
      signIn = null;
      consent = null;
    },
    userReadTokens: () => tokensFor([...SIGN_IN_SCOPES]),
    graphTokens: () => tokensFor([GRAPH_DEFAULT_SCOPE]),
    signOut: () => provider.signOut(),
  };
}
