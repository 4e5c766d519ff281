import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { EngineStatusView } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { ENGINE_STATUS_KEY, engineEventsSeen } from '../data/engine-status-feed';
import { messageOf } from '../forms/errors';

export type EngineAction = 'pollNow' | 'fullPoll' | 'stop' | 'start';

/**
 * The polling engine's status, kept live by its engine.status events, and its actions.
 * An answer only replaces the status when no event came in while it was on its way: events
 * and answers travel separately, and an answer that arrives after newer events is older than them.
 */
export function useEngineStatus() {
  const api = useApi();
  const client = useQueryClient();
  const [busy, setBusy] = useState<EngineAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const answered = useCallback(
    async (call: () => Promise<EngineStatusView>): Promise<EngineStatusView> => {
      const before = engineEventsSeen(client);
      const view = await call();
      const cached = client.getQueryData<EngineStatusView>(ENGINE_STATUS_KEY);
      return engineEventsSeen(client) !== before && cached ? cached : view;
    },
    [client],
  );

  const query = useQuery({ queryKey: ENGINE_STATUS_KEY, queryFn: () => answered(() => api['engine.status']()) });

  const run = useCallback(
    async (action: EngineAction) => {
      setBusy(action);
      setActionError(null);
      try {
        const view = await answered(() => {
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
        client.setQueryData(ENGINE_STATUS_KEY, view);
      } catch (failure) {
        setActionError(messageOf(failure));
      } finally {
        setBusy(null);
      }
    },
    [api, answered, client],
  );

  const loadError = query.error ? messageOf(query.error) : null;
  return { status: query.data ?? null, busy, error: actionError ?? loadError, run };
}
