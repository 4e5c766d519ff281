import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EngineStatusView } from '../../shared/ipc';
import { useApi } from '../api/api-context';

export const ENGINE_STATUS_KEY = ['engine.status'] as const;

const eventsSeen = new WeakMap<QueryClient, number>();

/** How many engine.status events this cache has taken in: an answer that left before the latest one is older than it. */
export function engineEventsSeen(client: QueryClient): number {
  return eventsSeen.get(client) ?? 0;
}

/**
 * Keeps the cached engine status live from main's events, and marks every query that a
 * poll makes stale as soon as a poll completes, so each screen reads once per poll.
 */
export function EngineStatusFeed() {
  const api = useApi();
  const client = useQueryClient();
  useEffect(
    () =>
      api.on('engine.status', (view) => {
        eventsSeen.set(client, engineEventsSeen(client) + 1);
        const previous = client.getQueryData<EngineStatusView>(ENGINE_STATUS_KEY);
        client.setQueryData(ENGINE_STATUS_KEY, view);
        const pollId = view.lastPoll?.id ?? null;
        if (pollId !== null && pollId !== (previous?.lastPoll?.id ?? null)) {
          void client.invalidateQueries({ predicate: (query) => query.meta?.afterPoll === true });
        }
      }),
    [api, client],
  );
  return null;
}
