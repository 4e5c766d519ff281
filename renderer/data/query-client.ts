import { QueryClient } from '@tanstack/react-query';
import type { ChannelName } from '../../shared/ipc';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** Read again when a poll completes: the engine's answer changes with every poll. */
      afterPoll?: boolean;
    };
  }
}

/** Marks a query that a completed poll makes stale. */
export const AFTER_POLL = { afterPoll: true } as const;

/**
 * The console's data cache. What main answers changes through the console's own actions and
 * through polls, both of which say so; nothing goes stale on a timer or on window focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
}

/** The key a channel's answer is cached under, followed by what the request depends on. */
export function channelKey(channel: ChannelName, ...parts: readonly unknown[]): readonly unknown[] {
  return [channel, ...parts];
}
