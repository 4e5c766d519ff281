import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { profileAddSchema, type ProfileList } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { connectionDraftOf, connectionRequestOf, CONNECTION_FIELDS, onScreen, type ConnectionDraft } from '../../connection/connection-draft';
import { ConnectionFields } from '../../connection/ConnectionFields';
import { check, failureBesideFieldOf } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';
import { useFormStyles } from '../../forms/form-styles';
import { SaveBar } from '../../forms/SaveBar';
import { useSubmission } from '../../forms/use-submission';

const useStyles = makeStyles({ code: { fontFamily: tokens.fontFamilyMonospace } });

interface AddDraft extends ConnectionDraft {
  name: string;
  fullAccessGroupId: string;
  restrictedAccessGroupId: string;
}
type AddField = keyof AddDraft;

const OWN_FIELDS = ['name', 'fullAccessGroupId', 'restrictedAccessGroupId'] as const;
const FIELDS: readonly string[] = [...OWN_FIELDS, ...CONNECTION_FIELDS];

function requestOf(draft: AddDraft): Record<string, unknown> {
  // The name is sent as typed (even empty): the rule then says what is wrong with it.
  const request: Record<string, unknown> = { ...connectionRequestOf(draft, { keepEmptySecrets: false }), name: draft.name };
  if (draft.fullAccessGroupId.trim() !== '') request.fullAccessGroupId = draft.fullAccessGroupId.trim();
  if (draft.restrictedAccessGroupId.trim() !== '') request.restrictedAccessGroupId = draft.restrictedAccessGroupId.trim();
  return request;
}

export interface AddTenantFormProps {
  titleId: string;
  onAdded: (list: ProfileList, name: string) => void;
  onCancel: () => void;
}

/** A new real tenant profile: its name, connection, secrets and access groups. Nothing is kept unless every field is valid. */
export function AddTenantForm({ titleId, onAdded, onCancel }: AddTenantFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useFormStyles();
  const styles = useStyles();
  const [draft, setDraft] = useState<AddDraft>(() => ({ ...connectionDraftOf(null), name: '', fullAccessGroupId: '', restrictedAccessGroupId: '' }));
  const submission = useSubmission(failureBesideFieldOf);
  const errors = submission.failure.fields;

  // The radio groups only offer the contract's values, so every field holds what its type says.
  const set = (field: AddField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }) as AddDraft);
    submission.edited(field);
    // The client secret's and certificate's rules depend on the polling identity.
    if (field === 'pollingIdentity') {
      submission.edited('clientSecret');
      submission.edited('clientCertificate');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(profileAddSchema, requestOf(draft));
    if (!checked.ok) return submission.fail(checked.failure);
    const result = await submission.run(() => api['profiles.add'](checked.value));
    if (result.ok) onAdded(result.value, checked.value.name);
  };

  // The client secret and certificate fields are only on screen for their app identity; their messages are listed otherwise.
  const placed = (field: string) => FIELDS.includes(field) && onScreen(field, draft.pollingIdentity);

  return (
    <form className={form.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <Field className={form.field} label={t('tenants.name')} hint={t('tenants.nameHint')} required {...fieldState(errors, 'name')}>
        <Input value={draft.name} autoComplete="off" onChange={(_, data) => set('name', data.value)} />
      </Field>
      <ConnectionFields draft={draft} errors={errors} onChange={set} />
      <Field className={form.field} label={t('tenants.fullAccessGroupId')} hint={t('tenants.fullAccessGroupIdHint')} required {...fieldState(errors, 'fullAccessGroupId')}>
        <Input className={styles.code} value={draft.fullAccessGroupId} spellCheck={false} autoComplete="off" onChange={(_, data) => set('fullAccessGroupId', data.value)} />
      </Field>
      <Field className={form.field} label={t('tenants.restrictedAccessGroupId')} hint={t('tenants.restrictedAccessGroupIdHint')} {...fieldState(errors, 'restrictedAccessGroupId')}>
        <Input
          className={styles.code}
          value={draft.restrictedAccessGroupId}
          spellCheck={false}
          autoComplete="off"
          onChange={(_, data) => set('restrictedAccessGroupId', data.value)}
        />
      </Field>
      <SaveBar submission={{ ...submission, saved: false }} isShown={placed} saveLabel={t('tenants.add')}>
        <Button disabled={submission.saving} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </SaveBar>
    </form>
  );
}
