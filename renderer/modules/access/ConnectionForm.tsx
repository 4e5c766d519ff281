import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionSaveSchema, type ConnectionView } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { connectionDraftOf, connectionRequestOf, CONNECTION_FIELDS, onScreen, type ConnectionDraft, type ConnectionField } from '../../connection/connection-draft';
import { ConnectionFields } from '../../connection/ConnectionFields';
import { check, failureBesideFieldOf } from '../../forms/errors';
import { useFormStyles } from '../../forms/form-styles';
import { SaveBar } from '../../forms/SaveBar';
import { useSubmission } from '../../forms/use-submission';
import { useUnsavedChanges } from '../../app/unsaved-changes';

/** The active tenant's connection, to edit: the same fields as adding a tenant; an empty secret field keeps the stored secret. */
export function ConnectionForm({ view, labelledBy, onSaved }: { view: ConnectionView; labelledBy: string; onSaved: (view: ConnectionView) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useFormStyles();
  const [draft, setDraft] = useState<ConnectionDraft>(() => connectionDraftOf(view.settings));
  const submission = useSubmission(failureBesideFieldOf);
  useUnsavedChanges(submission.unsaved);
  const stored = {
    clientSecret: view.secrets.clientSecret === 'set',
    clientCertificate: view.secrets.clientCertificate === 'set',
    lookoutAppKey: view.secrets.lookoutAppKey === 'set',
    certificate: view.certificate,
  };

  const set = (field: ConnectionField, value: string) => {
    // The radio groups only offer the contract's values, so every field holds what its type says.
    setDraft((current) => ({ ...current, [field]: value }) as ConnectionDraft);
    submission.edited(field);
    if (field === 'pollingIdentity') {
      submission.edited('clientSecret');
      submission.edited('clientCertificate');
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const request = connectionRequestOf(draft, { keepEmptySecrets: true });
    // An empty secret field keeps the stored secret: where none is stored, one must be typed.
    const missing: Record<string, string> = {};
    if (request.pollingIdentity === 'appSecret' && request.clientSecret === undefined && !stored.clientSecret) missing.clientSecret = t('connection.clientSecretRequired');
    if (request.pollingIdentity === 'appCertificate' && request.clientCertificate === undefined && !stored.clientCertificate) {
      missing.clientCertificate = t('connection.clientCertificateRequired');
    }
    if (request.lookoutAppKey === undefined && !stored.lookoutAppKey) missing.lookoutAppKey = t('connection.lookoutAppKeyRequired');
    const checked = check(connectionSaveSchema, request);
    if (!checked.ok || Object.keys(missing).length > 0) {
      const fields = checked.ok ? {} : checked.failure.fields;
      return submission.fail({ fields: { ...fields, ...missing }, message: checked.ok ? null : checked.failure.message });
    }
    const result = await submission.run(() => api['connection.save'](checked.value));
    if (result.ok) {
      // Secrets typed are stored now; their fields empty again, meaning "keep".
      setDraft(connectionDraftOf(result.value.settings));
      onSaved(result.value);
    }
  };

  const placed = (field: string) => (CONNECTION_FIELDS as readonly string[]).includes(field) && onScreen(field, draft.pollingIdentity);

  return (
    <form className={form.form} onSubmit={(event) => void save(event)} noValidate aria-labelledby={labelledBy}>
      <ConnectionFields draft={draft} errors={submission.failure.fields} onChange={set} stored={stored} />
      <SaveBar submission={submission} isShown={placed} saveLabel={t('connection.save')} savedLabel={t('connection.saved')} />
    </form>
  );
}
