import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../forms/errors';

/** While a poll runs the figures move; they are read again this often, not at every progress event. */
export const POLLING_REFRESH_MS = 2_000;

export type DashboardState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** refreshError: the last figures stay on screen when reading them again failed. */
  | { status: 'ready'; dashboard: Dashboard; refreshError: string | null };

/**
 * The dashboard's aggregates, read again whenever a poll finishes (a new `pollId`) and every
 * two seconds while one runs, so the charts follow the engine.
 */
export function useDashboard(pollId: number | null, polling: boolean) {
  const api = useApi();
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const [attempt, setAttempt] = useState(0);
  // A read still on its way is never overtaken by the next tick: a slow main would otherwise never get an answer shown.
  const inFlight = useRef(false);

  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(() => {
      if (!inFlight.current) setTick((n) => n + 1);
    }, POLLING_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [polling]);

  useEffect(() => {
    let live = true;
    inFlight.current = true;
    api['dashboard.get']().then(
      (dashboard) => {
        inFlight.current = false;
        if (live) setState({ status: 'ready', dashboard, refreshError: null });
      },
      (failure: unknown) => {
        inFlight.current = false;
        if (!live) return;
        const message = messageOf(failure);
        setState((previous) => (previous.status === 'ready' ? { ...previous, refreshError: message } : { status: 'failed', message }));
      },
    );
    return () => {
      live = false;
    };
  }, [api, pollId, tick, attempt]);

  const retry = useCallback(() => {
    setState((previous) => (previous.status === 'failed' ? { status: 'loading' } : previous));
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
