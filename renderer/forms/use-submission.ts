import { useCallback, useRef, useState } from 'react';
import { failureOf, NO_FAILURE, type Failure } from './errors';

/** A form's save cycle: saving (Save disabled), saved ("Saved" shown until the next edit), or failed (messages per field). */
export function useSubmission(toFailure: (error: unknown) => Failure = failureOf) {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  /** Edited since the last successful save: leaving the screen asks first. */
  const [unsaved, setUnsaved] = useState(false);
  const busy = useRef(false);

  const run = useCallback(async <T>(task: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: Failure }> => {
    if (busy.current) return { ok: false, failure: NO_FAILURE };
    busy.current = true;
    setSaving(true);
    setSaved(false);
    try {
      const value = await task();
      setFailure(NO_FAILURE);
      setSaved(true);
      setUnsaved(false);
      return { ok: true, value };
    } catch (error) {
      const failure = toFailure(error);
      setFailure(failure);
      return { ok: false, failure };
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [toFailure]);

  const fail = useCallback((next: Failure) => {
    setSaved(false);
    setFailure(next);
  }, []);

  /** The admin changed `field` (or, with no field, something): "Saved" no longer holds, and that field's message goes. */
  const edited = useCallback((field?: string) => {
    setSaved(false);
    setUnsaved(true);
    if (field === undefined) return;
    setFailure((current) => {
      const keys = Object.keys(current.fields).filter((key) => key === field || key.startsWith(`${field}.`));
      if (keys.length === 0) return current;
      const fields = { ...current.fields };
      for (const key of keys) delete fields[key];
      return { ...current, fields };
    });
  }, []);

  /** What is on screen is saved again (a draft put back, or replaced by what is stored). */
  const settled = useCallback(() => setUnsaved(false), []);

  return { saving, saved, failure, run, fail, edited, unsaved, settled };
}

export type Submission = ReturnType<typeof useSubmission>;
