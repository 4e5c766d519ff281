// What the console's channels need of a profile's sign-in, whichever tenant it is:
// the demo tenant's user picker, or Microsoft sign-in for a real tenant.
import type { BrowserStep, Session } from '../../../shared/ipc';
import type { CallContext } from '../dispatcher';

export interface Sessions {
  context(): CallContext;
  view(): Session;
  signInDemo(userPrincipalName: string): Promise<Session>;
  beginSignIn(): Promise<BrowserStep>;
  completeSignIn(): Promise<Session>;
  cancelSignIn(): Promise<Session>;
  beginConsent(): Promise<BrowserStep>;
  grantConsent(): Promise<Session>;
  declineConsent(): Promise<Session> | Session;
  /** The Microsoft page of the browser step under way, which the window may open in the system browser again; null otherwise. */
  browserStepUrl(): string | null;
  /** Re-checks the signed-in user's role (at every poll); answers whether it changed. */
  recheckRole(): Promise<boolean>;
  signOut(): Promise<Session> | Session;
  /** Silent sign-in at start, from the encrypted token cache (real tenants). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** The access groups' and admin roles' part of a role decision. */
export const GLOBAL_ADMIN_ROLE_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';
export const PRIVILEGED_ROLE_ADMIN_TEMPLATE_ID = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
