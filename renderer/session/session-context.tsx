import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Role, Session } from '../../shared/ipc';
import { ApiProvider, useApi } from '../api/api-context';
import { SETUP_PATH } from '../app/modules';
import { navigateTo } from '../app/use-hash-route';
import { messageOf } from '../forms/errors';
import { guardApi } from './guard-api';

export type SessionState = { status: 'loading' } | { status: 'ready'; session: Session } | { status: 'failed'; message: string };

export interface SessionContextValue {
  state: SessionState;
  /** Demo sign-in; rejects with the server's AppError (consent missing, not in an access group…). */
  signIn: (userPrincipalName: string) => Promise<Session>;
  signOut: () => Promise<Session>;
  /** The Global Administrator on the consent page accepts: consent is recorded and they are signed in. */
  grantConsent: () => Promise<Session>;
  /** The Global Administrator declines: back to the sign-in screen, the tenant still without consent. */
  declineConsent: () => Promise<Session>;
  /** A real tenant's browser sign-in, begun with session.beginSignIn: waits (up to 600 s) for its redirect; rejects with what went wrong. */
  completeSignIn: () => Promise<Session>;
  /** Ends a waiting browser step (sign-in or admin consent). */
  cancelBrowserStep: () => Promise<Session>;
  /** A real tenant's admin consent, begun with consent.begin: waits for the consent page's answer. */
  awaitConsent: () => Promise<Session>;
  /** Fetches the session again, showing the loading state (after the host could not be reached). */
  reload: () => void;
}

/** Consent is given once per tenant: the admin who gives it lands on the set-up steps, everyone later on the dashboard. */
function landAfterConsent(session: Session): Session {
  if (session.signedIn) navigateTo(SETUP_PATH);
  return session;
}

const SessionContext = createContext<SessionContextValue | null>(null);


/**
 * The signed-in user and their role, as main sees them: loaded at start, replaced by what every
 * sign-in, sign-out and consent call answers. Below it, the modules get an API that fetches the
 * session again whenever main refuses one of their calls (an expired session, a changed role).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Answers can arrive out of order (a refresh racing a sign-out): only the latest request's answer counts.
  const latest = useRef(0);

  const apply = useCallback(async (call: () => Promise<Session>): Promise<Session> => {
    const ticket = ++latest.current;
    const session = await call();
    if (ticket === latest.current) setState({ status: 'ready', session });
    return session;
  }, []);

  // A browser step's answer comes minutes after it was asked for: whatever was asked meanwhile is
  // older news than it (a cancel makes it reject instead), so it counts from when it arrives.
  const applyOnArrival = useCallback(async (call: () => Promise<Session>): Promise<Session> => {
    const session = await call();
    latest.current += 1;
    setState({ status: 'ready', session });
    return session;
  }, []);

  // Loads the session at start, on reload, and quietly whenever main refused a module's call.
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => {
    const ticket = ++latest.current;
    api['session.get']().then(
      (session) => ticket === latest.current && setState({ status: 'ready', session }),
      // A quiet re-check that fails leaves the screen as it was; only a load shows the failure.
      (error: unknown) => ticket === latest.current && setState((current) => (current.status === 'loading' ? { status: 'failed', message: messageOf(error) } : current)),
    );
  }, [api, attempt, refreshes]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      signIn: (userPrincipalName) => apply(() => api['session.signInDemo']({ userPrincipalName })),
      signOut: () => apply(() => api['session.signOut']()),
      grantConsent: () => apply(() => api['consent.grant']()).then(landAfterConsent),
      declineConsent: () => apply(() => api['consent.decline']()),
      completeSignIn: () => applyOnArrival(() => api['session.completeSignIn']()),
      cancelBrowserStep: () => apply(() => api['session.cancelSignIn']()),
      awaitConsent: () => applyOnArrival(() => api['consent.grant']()).then(landAfterConsent),
      reload,
    }),
    [state, api, apply, applyOnArrival, reload],
  );
  const guarded = useMemo(() => guardApi(api, () => setRefreshes((n) => n + 1)), [api]);

  return (
    <SessionContext.Provider value={value}>
      <ApiProvider api={guarded}>{children}</ApiProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}

/** The signed-in user's role; null while signed out (or before the session is known). */
export function useRole(): Role | null {
  const { state } = useSession();
  return state.status === 'ready' && state.session.signedIn ? state.session.role : null;
}
