import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Dashboard } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { AFTER_POLL } from '../../data/query-client';
import { messageOf } from '../../forms/errors';

/** While a poll runs the figures move; they are read again this often, not at every progress event. */
export const POLLING_REFRESH_MS = 2_000;

export const DASHBOARD_KEY = ['dashboard.get'] as const;

export type DashboardState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** refreshError: the last figures stay on screen when reading them again failed. */
  | { status: 'ready'; dashboard: Dashboard; refreshError: string | null };

/**
 * The dashboard's aggregates: read on each visit, again whenever a poll finishes, and every two
 * seconds while one runs, so the charts follow the engine. A read on its way is never overtaken
 * by the next tick (TanStack Query joins it), so a slow main still gets its answer shown.
 */
export function useDashboard(polling: boolean) {
  const api = useApi();
  const query = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: () => api['dashboard.get'](),
    // A classification change re-rates without a poll: each visit reads afresh, showing the last figures meanwhile.
    staleTime: 0,
    refetchInterval: polling ? POLLING_REFRESH_MS : false,
    meta: AFTER_POLL,
  });
  let state: DashboardState;
  if (query.data !== undefined) state = { status: 'ready', dashboard: query.data, refreshError: query.error ? messageOf(query.error) : null };
  else if (query.isError) state = { status: 'failed', message: messageOf(query.error) };
  else state = { status: 'loading' };
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  return { state, retry };
}
