import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type ICachePlugin,
  type SilentFlowRequest,
} from '@azure/msal-node';
import { AuthCodeSignIn, type SignInHint } from './auth-code-sign-in';
import { ConsentRequiredError, isConsentRequired } from './consent-required-error';
import { GRAPH_DEFAULT_SCOPES, isTenantId, msalAuthOptions, PUBLIC_AUTHORITY_HOST } from './msal-authority';
import { SingleFlight } from '../http/single-flight';
import type { TokenProvider } from '../http/token-provider';
import { WrongTenantError } from './wrong-tenant-error';

/** What a browser sign-in asks for unless told otherwise; msal adds openid, profile and offline_access. */
export const SIGN_IN_SCOPES: readonly string[] = ['User.Read'];

export interface MsalInteractiveProviderOptions {
  /** The public client (desktop) app registration's client id; its redirect URI is http://localhost. */
  clientId: string;
  /** Tenant id or domain; omitted: any work account ('organizations'). */
  tenantId?: string;
  /** The identity platform's origin (a Microsoft cloud, or a test tenant on loopback); default the public cloud. */
  authorityHost?: string;
  /** The tenant's GUID: an account of any other tenant is removed from the cache, and its sign-in fails with WrongTenantError. */
  expectedTenantId?: string;
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
  constructor(cause?: unknown) {
    super('Sign-in is required: no signed-in account, or its session has expired.', cause === undefined ? undefined : { cause });
    this.name = 'SignInRequiredError';
  }
}

export interface TokenForOptions {
  /** Skips the cached access token (the API refused it, or consent just changed), using the refresh token. */
  forceRefresh?: boolean;
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
  /** Silent requests run one at a time: each refresh replaces the refresh token, which a parallel one would still use. */
  private silentQueue: Promise<unknown> = Promise.resolve();
  private readonly silentFlights = new Map<string, Promise<AuthenticationResult>>();
  private readonly expectedTenantId: string | undefined;

  constructor(private readonly options: MsalInteractiveProviderOptions) {
    this.scopes = [...(options.scopes ?? GRAPH_DEFAULT_SCOPES)];
    if (options.expectedTenantId !== undefined && !isTenantId(options.expectedTenantId)) throw new RangeError('The expected tenant id must be a GUID.');
    this.expectedTenantId = options.expectedTenantId?.toLowerCase();
    this.app = new PublicClientApplication({
      auth: { clientId: options.clientId, ...msalAuthOptions(options.authorityHost ?? PUBLIC_AUTHORITY_HOST, options.tenantId ?? 'organizations') },
      ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    });
  }

  /**
   * The account signed in (this run or, through the token cache, an earlier one),
   * without any UI; null when none. Cached accounts of another tenant than the
   * expected one are removed, so none of them is ever used.
   */
  async restore(): Promise<SignedInAccount | null> {
    if (this.expectedTenantId !== undefined) {
      for (const account of await this.app.getAllAccounts()) {
        if (account.tenantId.toLowerCase() !== this.expectedTenantId) await this.app.signOut({ account });
      }
    }
    this.account = await this.cachedAccount();
    return this.signedInAccount();
  }

  signedInAccount(): SignedInAccount | null {
    return this.account ? describeAccount(this.account) : null;
  }

  /**
   * Opens the system browser for sign-in, asking for `scopes` (default User.Read).
   * While one is under way it opens the same page again (the admin may have closed
   * the tab) and joins it, on the same port. An account of another tenant than the
   * expected one fails with WrongTenantError and is not kept.
   */
  async signIn(signal?: AbortSignal, scopes: readonly string[] = SIGN_IN_SCOPES): Promise<SignedInAccount> {
    const open = this.signInFlow?.open ? this.signInFlow : null;
    if (open) await open.reopen();
    return describeAccount(accountOf(await this.interactive({ prompt: 'select_account' }, signal, [...scopes])));
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return this.tokenFlight.run(() => this.acquire(), signal);
  }

  /**
   * A token for these scopes, from the cache or the refresh token; never opens a
   * browser. SignInRequiredError: no account, or its session ended.
   * ConsentRequiredError: nobody has consented to the scopes (an admin must).
   */
  async tokenFor(scopes: readonly string[], options: TokenForOptions = {}): Promise<string> {
    if (scopes.length === 0) throw new RangeError('tokenFor needs at least one scope.');
    const session = this.session;
    const account = this.account ?? (await this.cachedAccount());
    if (!account) throw new SignInRequiredError();
    try {
      const result = await this.silent({ account, scopes: [...scopes], forceRefresh: options.forceRefresh === true });
      if (session === this.session) this.account = result.account ?? account;
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      throw isConsentRequired(error) ? new ConsentRequiredError(scopes, error) : new SignInRequiredError(error);
    }
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
        const result = await this.silent({ account, scopes: this.scopes, forceRefresh });
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

  /** One silent request at a time; the same request asked again meanwhile joins it. */
  private silent(request: SilentFlowRequest & { account: AccountInfo; forceRefresh: boolean }): Promise<AuthenticationResult> {
    const key = JSON.stringify([request.account.homeAccountId, request.forceRefresh, [...request.scopes].map((s) => s.toLowerCase()).sort()]);
    const joined = this.silentFlights.get(key);
    if (joined) return joined;
    const run = this.silentQueue.then(() => this.app.acquireTokenSilent(request));
    const flight = run.finally(() => this.silentFlights.delete(key));
    this.silentFlights.set(key, flight);
    this.silentQueue = run.catch(() => undefined);
    return flight;
  }

  /** Joins the browser sign-in under way, or starts one; its loopback port closes however it ends. */
  private interactive(hint: SignInHint, signal?: AbortSignal, scopes: string[] = this.scopes): Promise<AuthenticationResult> {
    if (this.signInFlow?.open) return this.signInFlow.wait(signal);
    const session = this.session;
    const { openBrowser, successTemplate, errorTemplate, preferredPort } = this.options;
    const flow = new AuthCodeSignIn({
      client: this.app,
      scopes,
      hint,
      openBrowser,
      timeoutMs: this.options.signInTimeoutMs ?? 10 * 60_000,
      pages: {
        ...(successTemplate === undefined ? {} : { success: successTemplate }),
        ...(errorTemplate === undefined ? {} : { error: errorTemplate }),
      },
      ...(preferredPort === undefined ? {} : { preferredPort }),
      onSignedIn: async (result) => {
        const account = accountOf(result);
        const expected = this.expectedTenantId;
        if (expected !== undefined && account.tenantId.toLowerCase() !== expected) {
          await this.app.signOut({ account });
          throw new WrongTenantError(expected, account.tenantId);
        }
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
    const configured = this.options.tenantId?.toLowerCase();
    const tenant = this.expectedTenantId ?? (configured !== undefined && isTenantId(configured) ? configured : undefined);
    const accounts = (await this.app.getAllAccounts()).filter((account) => tenant === undefined || account.tenantId.toLowerCase() === tenant);
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
