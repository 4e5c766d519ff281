import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { AppError, type DemoClockView } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { AFTER_POLL } from '../../data/query-client';
import { messageOf } from '../../forms/errors';

const DEMO_CLOCK_KEY = ['demo.clock'] as const;

/** The clock is read again this often (another window may change its speed); between reads the page extrapolates. */
const REREAD_MS = 15_000;

export interface DemoClockReading {
  view: DemoClockView;
  /** Real time (ms) the view was read: the demo time runs on from there at `speed`. */
  readAt: number;
}

export type DemoClockAction = { kind: 'speed'; speed: number } | { kind: 'advance'; hours: number };

/**
 * The demo tenant's clock and its controls. After an advance the engine is asked to poll at once
 * (it would soon anyway), so the dashboard shows where the devices went.
 */
export function useDemoClock() {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: DEMO_CLOCK_KEY,
    queryFn: async (): Promise<DemoClockReading> => ({ view: await api['demo.clock'](), readAt: Date.now() }),
    staleTime: 0,
    refetchInterval: REREAD_MS,
    meta: AFTER_POLL,
  });
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<DemoClockAction | null>(null);
  const setReading = useCallback((reading: DemoClockReading) => client.setQueryData(DEMO_CLOCK_KEY, reading), [client]);

  // Changes overlap when an admin clicks fast: only the latest one's answer is shown, and busy ends with it.
  const latest = useRef(0);
  const run = useCallback(
    async (action: DemoClockAction) => {
      const ticket = ++latest.current;
      setBusy(action);
      setActionError(null);
      try {
        const view = action.kind === 'speed' ? await api['demo.setSpeed']({ speed: action.speed }) : await api['demo.advance']({ hours: action.hours });
        if (ticket === latest.current) setReading({ view, readAt: Date.now() });
        if (action.kind === 'advance') {
          // A poll already running, or no connector yet, is no failure of the advance.
          await api['engine.pollNow']({}).catch((failure: unknown) => {
            if (!(failure instanceof AppError && failure.code === 'conflict')) throw failure;
          });
        }
      } catch (failure) {
        if (ticket === latest.current) setActionError(messageOf(failure));
      } finally {
        if (ticket === latest.current) setBusy(null);
      }
    },
    [api, setReading],
  );

  const reading = query.data ?? null;
  const loadError = query.error ? messageOf(query.error) : null;
  return { reading, loadError, actionError, busy, run };
}
