import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../forms/use-load';

const LOAD_KEY = ['setup.checklist'] as const;

/** The set-up steps from main, read again quietly after each poll (devices turn active, groups get checked). */
export function useSetupChecklist() {
  const api = useApi();
  const load = useCallback(() => api['setup.checklist'](), [api]);
  return useLoad(LOAD_KEY, load, { afterPoll: true });
}
