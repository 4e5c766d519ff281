import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type ICachePlugin,
} from '@azure/msal-node';
import { AuthCodeSignIn, type SignInHint } from './auth-code-sign-in';
import { authorityFor, GRAPH_DEFAULT_SCOPES, isTenantId } from './msal-authority';
import { SingleFlight } from './single-flight';
import type { TokenProvider } from './token-provider';

export interface MsalInteractiveProviderOptions {
  /** The public client (desktop) app registration's client id; its redirect URI is http://localhost. */
  clientId: string;
  /** Tenant id or domain; omitted: any work account ('organizations'). */
  tenantId?: string;
  /** Opens the URL in the system browser; the Electron shell passes shell.openExternal. */
  openBrowser: (url: string) => Promise<void>;
  cachePlugin?: ICachePlugin;
  /** Default: Microsoft Graph's '.default' (the delegated permissions consented for the app). */
  scopes?: readonly string[];
  /** false: getToken never opens a browser, it throws SignInRequiredError; signIn() still does. Default true. */
  signInWhenNeeded?: boolean;
  /** How long a browser sign-in may take before it is given up; default 10 min. */
  signInTimeoutMs?: number;
  /** Plain text (not HTML) the browser tab shows after sign-in; a short English default when omitted. */
  successTemplate?: string;
  errorTemplate?: string;
  /** A fixed loopback port, for registrations that list one; a free port otherwise. */
  preferredPort?: number;
}

/** The signed-in admin: sign-in name, object id and tenant id. */
export interface SignedInAccount {
  username: string;
  oid: string;
  tid: string;
  name?: string;
}

export class SignInRequiredError extends Error {
  constructor() {
    super('Sign-in is required: no signed-in account, or its session has expired.');
    this.name = 'SignInRequiredError';
  }
}

/**
 * Delegated tokens for the signed-in admin: authorization code with PKCE
 * through the system browser and a loopback redirect we own (msal's own
 * interactive flow leaves its port open when no redirect ever comes), then
 * silent renewal from msal's cache.
 */
export class MsalInteractiveProvider implements TokenProvider {
  private readonly app: PublicClientApplication;
  private readonly scopes: string[];
  private readonly tokenFlight = new SingleFlight<string>();
  /** The browser sign-in under way, if any: one listener however many callers wait for it. */
  private signInFlow: AuthCodeSignIn | null = null;
  private account: AccountInfo | null = null;
  private forceRefresh = false;
  /** Bumped by signOut, so a request that was under way cannot sign the account back in. */
  private session = 0;

  constructor(private readonly options: MsalInteractiveProviderOptions) {
    this.scopes = [...(options.scopes ?? GRAPH_DEFAULT_SCOPES)];
    this.app = new PublicClientApplication({
      auth: { clientId: options.clientId, authority: authorityFor(options.tenantId) },
      ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    });
  }

  /** The account signed in (this run or, through the token cache, an earlier one), without any UI; null when none. */
  async restore(): Promise<SignedInAccount | null> {
    this.account = await this.cachedAccount();
    return this.signedInAccount();
  }

  signedInAccount(): SignedInAccount | null {
    return this.account ? describeAccount(this.account) : null;
  }

  /**
   * Opens the system browser for sign-in. While one is under way it opens the
   * same page again (the admin may have closed the tab) and joins it, on the same port.
   */
  async signIn(signal?: AbortSignal): Promise<SignedInAccount> {
    const open = this.signInFlow?.open ? this.signInFlow : null;
    if (open) await open.reopen();
    return describeAccount(accountOf(await this.interactive({ prompt: 'select_account' }, signal)));
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return this.tokenFlight.run(() => this.acquire(), signal);
  }

  invalidate(): void {
    this.forceRefresh = true;
  }

  /** Forgets every account, and its tokens, in msal's cache (and so in the cache file). */
  async signOut(): Promise<void> {
    this.session += 1;
    this.account = null;
    this.signInFlow?.cancel(new Error('The sign-in was cancelled: signed out.'));
    this.signInFlow = null;
    this.tokenFlight.abandon();
    for (const account of await this.app.getAllAccounts()) await this.app.signOut({ account });
  }

  private async acquire(): Promise<string> {
    const session = this.session;
    const account = this.account ?? (await this.cachedAccount());
    if (account) {
      const forceRefresh = this.forceRefresh;
      try {
        const result = await this.app.acquireTokenSilent({ account, scopes: this.scopes, forceRefresh });
        if (forceRefresh) this.forceRefresh = false;
        if (session === this.session) this.account = result.account ?? account;
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
      }
    }
    if (this.options.signInWhenNeeded === false) throw new SignInRequiredError();
    return (await this.interactive(account ? { loginHint: account.username } : {})).accessToken;
  }

  /** Joins the browser sign-in under way, or starts one; its loopback port closes however it ends. */
  private interactive(hint: SignInHint, signal?: AbortSignal): Promise<AuthenticationResult> {
    if (this.signInFlow?.open) return this.signInFlow.wait(signal);
    const session = this.session;
    const { openBrowser, successTemplate, errorTemplate, preferredPort } = this.options;
    const flow = new AuthCodeSignIn({
      client: this.app,
      scopes: this.scopes,
      hint,
      openBrowser,
      timeoutMs: this.options.signInTimeoutMs ?? 10 * 60_000,
      pages: {
        ...(successTemplate === undefined ? {} : { success: successTemplate }),
        ...(errorTemplate === undefined ? {} : { error: errorTemplate }),
      },
      ...(preferredPort === undefined ? {} : { preferredPort }),
      onSignedIn: (result) => {
        const account = accountOf(result);
        this.forceRefresh = false;
        if (session === this.session) this.account = account;
      },
    });
    this.signInFlow = flow;
    void flow.result.then(
      () => this.forget(flow),
      () => this.forget(flow),
    );
    return flow.wait(signal);
  }

  private forget(flow: AuthCodeSignIn): void {
    if (this.signInFlow === flow) this.signInFlow = null;
  }

  private async cachedAccount(): Promise<AccountInfo | null> {
    const tenant = this.options.tenantId?.toLowerCase();
    const accounts = (await this.app.getAllAccounts()).filter(
      (account) => tenant === undefined || !isTenantId(tenant) || account.tenantId.toLowerCase() === tenant,
    );
    return accounts.find((account) => account.homeAccountId === this.account?.homeAccountId) ?? accounts[0] ?? null;
  }
}

function accountOf(result: AuthenticationResult): AccountInfo {
  if (!result.account) throw new Error('Sign-in returned no account.');
  return result.account;
}

function describeAccount(account: AccountInfo): SignedInAccount {
  const oid = typeof account.idTokenClaims?.oid === 'string' ? account.idTokenClaims.oid : account.localAccountId;
  return { username: account.username, oid, tid: account.tenantId, ...(account.name ? { name: account.name } : {}) };
}
