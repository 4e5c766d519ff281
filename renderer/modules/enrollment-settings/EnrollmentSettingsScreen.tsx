import { Field, Input } from '@fluentui/react-components';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enrollmentSettingsSchema, LIMITS, type EnrollmentSettings } from '../../../shared/config/configuration-schema';
import { useApi } from '../../api/api-context';
import { check, numberFrom } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';
import { useFormStyles } from '../../forms/form-styles';
import { Loaded } from '../../forms/Loaded';
import { SaveBar } from '../../forms/SaveBar';
import { useLoad } from '../../forms/use-load';
import { useSubmission } from '../../forms/use-submission';
import { useUnsavedChanges } from '../../app/unsaved-changes';

const LOAD_KEY = ['settings.get'] as const;

function EnrollmentSettingsForm({ settings }: { settings: EnrollmentSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useFormStyles();
  const [days, setDays] = useState(String(settings.disconnectedAfterDays));
  const submission = useSubmission();
  useUnsavedChanges(submission.unsaved);
  const errors = submission.failure.fields;
  const placed = (field: string) => field === 'disconnectedAfterDays';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(enrollmentSettingsSchema, { disconnectedAfterDays: numberFrom(days) });
    if (!checked.ok) return submission.fail(checked.failure);
    await submission.run(() => api['enrollmentSettings.save'](checked.value));
  };

  return (
    <form className={form.form} onSubmit={(event) => void save(event)} noValidate>
      <Field
        className={form.field}
        label={t('enrollmentSettings.disconnectedDays')}
        hint={t('enrollmentSettings.disconnectedDaysHint', LIMITS.disconnectedAfterDays)}
        required
        {...fieldState(errors, 'disconnectedAfterDays')}
      >
        <Input
          className={form.narrow}
          inputMode="numeric"
          value={days}
          onChange={(_, data) => {
            setDays(data.value);
            submission.edited('disconnectedAfterDays');
          }}
        />
      </Field>
      <SaveBar submission={submission} isShown={placed} />
    </form>
  );
}

/** System > Enrollment settings: after how many days without a check-in an active device is Disconnected. */
export function EnrollmentSettingsScreen() {
  const api = useApi();
  const load = useCallback(() => api['settings.get'](), [api]);
  const { state, reload } = useLoad(LOAD_KEY, load);
  return (
    <Loaded state={state} reload={reload}>
      {(settings) => <EnrollmentSettingsForm settings={settings.enrollment} />}
    </Loaded>
  );
}
