import { useCallback, useEffect, useRef } from 'react';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../forms/use-load';

/** The set-up steps from main, loaded again after each poll (devices turn active, groups get checked). */
export function useSetupChecklist() {
  const api = useApi();
  const load = useCallback(() => api['setup.checklist'](), [api]);
  const loaded = useLoad(load);
  const { replace } = loaded;
  const lastPoll = useRef<number | null>(null);
  useEffect(
    () =>
      api.on('engine.status', (status) => {
        const id = status.lastPoll?.id ?? null;
        if (id === null || id === lastPoll.current) return;
        lastPoll.current = id;
        // Quietly: the list stays on screen while the new states come.
        api['setup.checklist']().then(replace, () => undefined);
      }),
    [api, replace],
  );
  return loaded;
}
