import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EngineStatusFeed } from './engine-status-feed';

/** Mounted while someone is signed in: the live engine feed, and a cache that forgets the session's answers at sign-out. */
export function SignedInData() {
  const client = useQueryClient();
  useEffect(
    () => () => {
      // After the signed-in screens have unmounted, so only what nobody shows any more is dropped.
      window.setTimeout(() => client.removeQueries({ predicate: (query) => query.getObserversCount() === 0 }), 0);
    },
    [client],
  );
  return <EngineStatusFeed />;
}
