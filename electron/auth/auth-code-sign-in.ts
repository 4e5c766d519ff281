import { randomBytes } from 'node:crypto';
import { CryptoProvider, ResponseMode, type AuthenticationResult, type AuthorizationUrlRequest, type PublicClientApplication } from '@azure/msal-node';
import type { LoopbackPageTexts } from './loopback-pages';
import { startLoopbackRedirect, type LoopbackRedirect } from './loopback-redirect-server';

export type AuthCodeClient = Pick<PublicClientApplication, 'getAuthCodeUrl' | 'acquireTokenByCode'>;

export type SignInHint = Pick<AuthorizationUrlRequest, 'prompt' | 'loginHint'>;

export interface AuthCodeSignInOptions {
  client: AuthCodeClient;
  scopes: string[];
  hint: SignInHint;
  openBrowser: (url: string) => Promise<void>;
  timeoutMs: number;
  preferredPort?: number;
  pages?: LoopbackPageTexts;
  /** Runs once, before any caller sees the result; a throw (or rejection) fails the sign-in. */
  onSignedIn?: (result: AuthenticationResult) => void | Promise<void>;
}

/**
 * One browser sign-in: authorization code with PKCE through the system browser
 * and a loopback redirect we own, then msal's code exchange. Every caller that
 * asks while it is open joins it. It ends, and its port closes, on the
 * redirect, the timeout, cancel(), or when every caller waiting has given up.
 */
export class AuthCodeSignIn {
  readonly result: Promise<AuthenticationResult>;
  private readonly stop = new AbortController();
  private redirect: LoopbackRedirect | null = null;
  private url: string | null = null;
  private waiters = 0;
  private ended = false;

  constructor(private readonly options: AuthCodeSignInOptions) {
    this.result = this.run().finally(() => {
      this.ended = true;
    });
    this.result.catch(() => undefined);
  }

  /** Still worth joining: not ended and not being cancelled. */
  get open(): boolean {
    return !this.ended && !this.stop.signal.aborted;
  }

  /** This sign-in's result; a caller whose signal aborts stops waiting, and the last one to leave cancels it. */
  wait(signal?: AbortSignal): Promise<AuthenticationResult> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    this.waiters += 1;
    return new Promise((resolve, reject) => {
      let waiting = true;
      const leave = (): boolean => {
        if (!waiting) return false;
        waiting = false;
        this.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = (): void => {
        if (!leave()) return;
        const reason = signal?.reason as Error;
        if (this.waiters > 0) return reject(reason);
        this.cancel(reason);
        // Settle only once the port is closed, so "gave up" means "nothing left listening".
        void this.result.then(
          () => reject(reason),
          () => reject(reason),
        );
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.result.then(
        (value) => {
          if (leave()) resolve(value);
        },
        (error: unknown) => {
          if (leave()) reject(error as Error);
        },
      );
    });
  }

  /** Opens the sign-in page again (the admin closed the tab) with the same listener, and restarts the timeout. */
  async reopen(): Promise<void> {
    if (!this.open || this.url === null) return;
    this.redirect?.restartTimeout();
    await this.options.openBrowser(this.url);
  }

  cancel(reason: Error): void {
    this.stop.abort(reason);
  }

  private async run(): Promise<AuthenticationResult> {
    const { client, scopes, hint, openBrowser, timeoutMs, preferredPort, pages } = this.options;
    const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
    const state = randomBytes(32).toString('base64url');
    // Binds the ID token to this sign-in; msal checks it in the code exchange.
    const nonce = randomBytes(16).toString('base64url');
    const redirect = await startLoopbackRedirect({
      state,
      timeoutMs,
      signal: this.stop.signal,
      ...(preferredPort === undefined ? {} : { preferredPort }),
      ...(pages === undefined ? {} : { pages }),
    });
    this.redirect = redirect;
    try {
      const { redirectUri } = redirect;
      const url = await client.getAuthCodeUrl({
        ...hint,
        scopes,
        redirectUri,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
        state,
        nonce,
        // As msal's own interactive flow does: the code travels in a POST body, never in the URL or the browser history.
        responseMode: ResponseMode.FORM_POST,
      });
      await openBrowser(url);
      this.url = url;
      const code = await redirect.code;
      const result = await client.acquireTokenByCode({ code, scopes, redirectUri, codeVerifier: verifier, nonce });
      await this.options.onSignedIn?.(result);
      return result;
    } finally {
      await redirect.close();
    }
  }
}
