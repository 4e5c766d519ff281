import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { profileRenameSchema, type Profile, type ProfileList } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { check, failureBesideFieldOf, unplacedMessages } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';
import { useSubmission } from '../../forms/use-submission';

/** Renames a profile in a dialog: the one field, Save and Cancel; the name's rule shows beside it. */
export function RenameProfileDialog({ profile, onRenamed }: { profile: Profile; onRenamed: (list: ProfileList) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(profile.name);
  const submission = useSubmission(failureBesideFieldOf);
  const errors = submission.failure.fields;
  const other = submission.failure.message ?? (unplacedMessages(errors, (field) => field === 'name').join(' ') || null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(profileRenameSchema, { id: profile.id, name });
    if (!checked.ok) return submission.fail(checked.failure);
    const result = await submission.run(() => api['profiles.rename'](checked.value));
    if (result.ok) {
      setOpen(false);
      onRenamed(result.value);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (submission.saving) return;
        setOpen(data.open);
        if (data.open) {
          setName(profile.name);
          submission.fail({ fields: {}, message: null });
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<EditRegular />} aria-label={t('tenants.renameProfile', { name: profile.name })}>
          {t('tenants.rename')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={(event) => void save(event)} noValidate>
          <DialogBody>
            <DialogTitle>{t('tenants.renameTitle', { name: profile.name })}</DialogTitle>
            <DialogContent>
              <Field label={t('tenants.name')} hint={t('tenants.nameHint')} required {...fieldState(errors, 'name')}>
                <Input
                  value={name}
                  autoComplete="off"
                  onChange={(_, data) => {
                    setName(data.value);
                    submission.edited('name');
                  }}
                />
              </Field>
              {other !== null && (
                <MessageBar intent="error">
                  <MessageBarBody>{other}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={submission.saving} icon={submission.saving ? <Spinner size="tiny" /> : null}>
                {t('common.save')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={submission.saving}>{t('common.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
