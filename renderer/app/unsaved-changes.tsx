import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setRouteGuard } from './use-hash-route';

interface UnsavedChanges {
  /** An editor says whether it holds edits not saved yet. */
  mark: (editor: string, dirty: boolean) => void;
  /** Resolves true when nothing is unsaved, or the admin chose to leave without saving. */
  confirmLeave: () => Promise<boolean>;
}

const noGuard: UnsavedChanges = { mark: () => undefined, confirmLeave: () => Promise.resolve(true) };
const UnsavedChangesContext = createContext<UnsavedChanges>(noGuard);

/**
 * Keeps the edits of every editor on screen: leaving the screen (a link, the address, a tenant
 * switch) asks "Leave without saving?" first, and reloading or closing the window asks the browser's.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const dirtyEditors = useRef(new Set<string>());
  const [anyDirty, setAnyDirty] = useState(false);
  const leaving = useRef(false);
  const [question, setQuestion] = useState<((leave: boolean) => void) | null>(null);

  const mark = useCallback((editor: string, dirty: boolean) => {
    if (dirty) dirtyEditors.current.add(editor);
    else dirtyEditors.current.delete(editor);
    setAnyDirty(dirtyEditors.current.size > 0);
  }, []);

  const isDirty = () => !leaving.current && dirtyEditors.current.size > 0;

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        setQuestion(() => (leave: boolean) => {
          setQuestion(null);
          // Leaving: the editors go with the screen; until then nothing asks again.
          if (leave) leaving.current = true;
          resolve(leave);
        });
      }),
    [],
  );

  const confirmLeave = useCallback(() => (isDirty() ? ask() : Promise.resolve(true)), [ask]);

  useEffect(
    () =>
      setRouteGuard((to) => {
        if (!isDirty()) return true;
        void ask().then((leave) => {
          if (leave) window.location.hash = to;
        });
        return false;
      }),
    [ask],
  );

  // Once the screen has changed, a new editor's edits are guarded again.
  useEffect(() => {
    if (!anyDirty) leaving.current = false;
  }, [anyDirty]);

  useEffect(() => {
    if (!anyDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      // Older engines (and Electron) show their question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [anyDirty]);

  const value = useMemo(() => ({ mark, confirmLeave }), [mark, confirmLeave]);
  return (
    <UnsavedChangesContext.Provider value={value}>
      {children}
      <Dialog modalType="alert" open={question !== null} onOpenChange={(_, data) => !data.open && question?.(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('unsavedChanges.title')}</DialogTitle>
            <DialogContent>{t('unsavedChanges.body')}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => question?.(false)}>
                {t('unsavedChanges.stay')}
              </Button>
              <Button onClick={() => question?.(true)}>{t('unsavedChanges.leave')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </UnsavedChangesContext.Provider>
  );
}

/** An editor with a draft calls this with whether the draft differs from what is saved. */
export function useUnsavedChanges(dirty: boolean): void {
  const { mark } = useContext(UnsavedChangesContext);
  const editor = useId();
  useEffect(() => {
    mark(editor, dirty);
  }, [mark, editor, dirty]);
  useEffect(() => () => mark(editor, false), [mark, editor]);
}

/** Asks before something that leaves the screen without a link (a tenant switch). */
export function useConfirmLeave(): () => Promise<boolean> {
  return useContext(UnsavedChangesContext).confirmLeave;
}
