import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { AFTER_POLL } from '../data/query-client';
import { messageOf } from './errors';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

export interface LoadOptions {
  /** Read again, quietly, whenever a poll completes. */
  afterPoll?: boolean;
}

/**
 * Loads what a screen shows, read afresh each time the screen opens: settings saved on another
 * screen must not show their old values here.
 */
export function useLoad<T>(queryKey: QueryKey, load: () => Promise<T>, options: LoadOptions = {}) {
  const client = useQueryClient();
  const query = useQuery<T>({ queryKey, queryFn: load, gcTime: 0, meta: options.afterPoll ? AFTER_POLL : {} });
  // The cache tells its observers a little later; a replaced value shows in the same render as
  // the caller's own state changes (a saved connector must not flash its empty state).
  const [replaced, setReplaced] = useState<{ value: T; over: number } | null>(null);

  let state: Loadable<T>;
  if (replaced !== null && replaced.over === query.dataUpdatedAt) state = { status: 'ready', value: replaced.value };
  else if (query.isSuccess) state = { status: 'ready', value: query.data };
  else if (query.isError) state = { status: 'failed', message: messageOf(query.error) };
  else state = { status: 'loading' };

  const reload = useCallback(() => void client.resetQueries({ queryKey, exact: true }), [client, queryKey]);
  const { dataUpdatedAt } = query;
  const replace = useCallback(
    (value: T) => {
      setReplaced({ value, over: dataUpdatedAt });
      client.setQueryData(queryKey, value);
    },
    [client, queryKey, dataUpdatedAt],
  );
  return { state, reload, replace };
}
