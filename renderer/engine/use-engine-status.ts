import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineStatusView } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { messageOf } from '../forms/errors';

export type EngineAction = 'pollNow' | 'fullPoll' | 'stop' | 'start';

/**
 * The polling engine's status, kept live by its engine.status events, and its actions.
 * An answer only replaces the status when no event came in while it was on its way: events
 * and answers travel separately, and an answer that arrives after newer events is older than them.
 */
export function useEngineStatus() {
  const api = useApi();
  const [status, setStatus] = useState<EngineStatusView | null>(null);
  const [busy, setBusy] = useState<EngineAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const eventsSeen = useRef(0);

  const answered = useCallback(async (call: () => Promise<EngineStatusView>): Promise<void> => {
    const before = eventsSeen.current;
    const view = await call();
    if (eventsSeen.current === before) setStatus(view);
  }, []);

  useEffect(() => {
    let live = true;
    const unsubscribe = api.on('engine.status', (view) => {
      eventsSeen.current += 1;
      if (live) setStatus(view);
    });
    answered(() => api['engine.status']()).catch((failure: unknown) => {
      if (live) setError(messageOf(failure));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, answered]);

  const run = useCallback(
    async (action: EngineAction) => {
      setBusy(action);
      setError(null);
      try {
        await answered(() => {
          switch (action) {
            case 'pollNow':
              return api['engine.pollNow']({ full: false });
            case 'fullPoll':
              return api['engine.pollNow']({ full: true });
            case 'stop':
              return api['engine.stop']();
            case 'start':
              return api['engine.start']();
          }
        });
      } catch (failure) {
        setError(messageOf(failure));
      } finally {
        setBusy(null);
      }
    },
    [api, answered],
  );

  return { status, busy, error, run };
}

