import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, BrowserStep } from '../../shared/ipc';
import { messageOf } from '../forms/errors';
import { openBlankTab } from './blank-tab';

export type BrowserStepPhase = 'idle' | 'starting' | 'waiting' | 'cancelling';

export interface BrowserStepOptions {
  /** Where the console runs; in the browser host the page opens in a tab of this browser. */
  host: AppInfo['host'] | null;
  /** Asks main for the page to open (session.beginSignIn, consent.begin). */
  begin: () => Promise<BrowserStep>;
  /** Waits for the page's redirect; on success the session changes and the screen gives way. */
  complete: () => Promise<unknown>;
  cancel: () => Promise<unknown>;
  /** Main is already waiting for this step (the page was reloaded meanwhile): wait for it again at once. */
  alreadyWaiting: boolean;
}

/** A sign-in or admin consent that happens on a Microsoft page in the browser, and the wait for its answer. */
export function useBrowserStep({ host, begin, complete, cancel, alreadyWaiting }: BrowserStepOptions) {
  const [phase, setPhase] = useState<BrowserStepPhase>(alreadyWaiting ? 'waiting' : 'idle');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const cancelled = useRef(false);

  const wait = useCallback(async () => {
    busy.current = true;
    try {
      await complete();
    } catch (failure) {
      // Cancelled here: the wait's rejection says what the admin already knows.
      if (!cancelled.current) setError(messageOf(failure));
    } finally {
      busy.current = false;
      setPhase('idle');
    }
  }, [complete]);

  const resumed = useRef(false);
  useEffect(() => {
    if (!alreadyWaiting || resumed.current) return;
    resumed.current = true;
    void wait();
  }, [alreadyWaiting, wait]);

  const start = () => {
    if (busy.current) return;
    busy.current = true;
    cancelled.current = false;
    const tab = host === 'browser' ? openBlankTab() : null;
    setError(null);
    setPhase('starting');
    void (async () => {
      let step: BrowserStep;
      try {
        step = await begin();
      } catch (failure) {
        tab?.close();
        setError(messageOf(failure));
        setPhase('idle');
        busy.current = false;
        return;
      }
      // Main opens the system browser itself where it can; the empty tab is then not needed.
      if (tab && step.opened) tab.close();
      else tab?.go(step.url);
      setUrl(step.url);
      setPhase('waiting');
      await wait();
    })();
  };

  const stop = async () => {
    cancelled.current = true;
    setPhase('cancelling');
    try {
      await cancel();
    } catch (failure) {
      cancelled.current = false;
      setError(messageOf(failure));
      setPhase('waiting');
    }
  };

  return { phase, url, error, start, cancel: () => void stop() };
}
