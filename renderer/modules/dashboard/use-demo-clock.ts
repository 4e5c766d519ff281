import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError, type DemoClockView } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../forms/errors';

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
export function useDemoClock(pollId: number | null) {
  const api = useApi();
  const [reading, setReading] = useState<DemoClockReading | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<DemoClockAction | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), REREAD_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    let live = true;
    api['demo.clock']().then(
      (view) => {
        if (!live) return;
        setReading({ view, readAt: Date.now() });
        setLoadError(null);
      },
      (failure: unknown) => live && setLoadError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, pollId, tick]);

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
    [api],
  );

  return { reading, loadError, actionError, busy, run };
}
