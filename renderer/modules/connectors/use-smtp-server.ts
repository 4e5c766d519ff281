import { useCallback, useState } from 'react';
import { smtpSaveSchema } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { check } from '../../forms/errors';
import { useLoad } from '../../forms/use-load';
import { useSubmission } from '../../forms/use-submission';
import { useUnsavedChanges } from '../../app/unsaved-changes';
import { smtpDraftOf, smtpRequestOf, type SmtpDraft } from './smtp-draft';

const LOAD_KEY = ['smtp.get'] as const;

/**
 * The SMTP server section's state: what is saved (smtp.get), the admin's edits, and its own
 * save cycle. Held by the connector form, so edits survive switching tabs.
 */
export function useSmtpServer() {
  const api = useApi();
  const load = useCallback(() => api['smtp.get'](), [api]);
  const { state, reload, replace } = useLoad(LOAD_KEY, load);
  /** null: the form shows what is saved. */
  const [edits, setEdits] = useState<SmtpDraft | null>(null);
  const [removed, setRemoved] = useState(false);
  const submission = useSubmission();
  const saved = state.status === 'ready' ? state.value : null;
  const draft = edits ?? smtpDraftOf(saved?.settings ?? null);
  useUnsavedChanges(edits !== null && JSON.stringify(edits) !== JSON.stringify(smtpDraftOf(saved?.settings ?? null)));

  const update = <K extends keyof SmtpDraft>(field: K, value: SmtpDraft[K], contractField: string) => {
    setEdits((current) => ({ ...(current ?? smtpDraftOf(saved?.settings ?? null)), [field]: value }));
    setRemoved(false);
    submission.edited(contractField);
  };

  const save = async () => {
    const checked = check(smtpSaveSchema, smtpRequestOf(draft));
    if (!checked.ok) return submission.fail(checked.failure);
    const result = await submission.run(() => api['smtp.save'](checked.value));
    if (result.ok) {
      replace(result.value);
      // The typed password goes: it is stored now, and is never shown again.
      setEdits(null);
    }
  };

  /** Rejects when smtp.delete fails, so the confirmation dialog shows why. */
  const remove = async () => {
    replace(await api['smtp.delete']());
    setEdits(null);
    setRemoved(true);
    submission.edited();
  };

  return { state, reload, saved, draft, update, save, remove, removed, submission };
}

export type SmtpServer = ReturnType<typeof useSmtpServer>;
