import { Label, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationSwitchesSchema, type NotificationSwitches } from '../../../shared/config/configuration-schema';
import { useApi } from '../../api/api-context';
import { check } from '../../forms/errors';
import { useFormStyles } from '../../forms/form-styles';
import { Loaded } from '../../forms/Loaded';
import { SaveBar } from '../../forms/SaveBar';
import { useLoad } from '../../forms/use-load';
import { useSubmission } from '../../forms/use-submission';
import { useUnsavedChanges } from '../../app/unsaved-changes';

const LOAD_KEY = ['preferences.get'] as const;

const LEVELS = ['high', 'medium', 'low'] as const;

const useStyles = makeStyles({ switches: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

function PreferencesForm({ saved }: { saved: NotificationSwitches }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useFormStyles();
  const styles = useStyles();
  const legend = useId();
  const [switches, setSwitches] = useState<NotificationSwitches>(saved);
  const submission = useSubmission();
  useUnsavedChanges(submission.unsaved);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(notificationSwitchesSchema, switches);
    if (!checked.ok) return submission.fail(checked.failure);
    await submission.run(() => api['preferences.save'](checked.value));
  };

  return (
    <form className={form.form} onSubmit={(event) => void save(event)} noValidate>
      <div className={styles.switches} role="group" aria-labelledby={legend}>
        <Label id={legend} weight="semibold">
          {t('preferences.legend')}
        </Label>
        {LEVELS.map((level) => (
          <Switch
            key={level}
            label={t(`preferences.${level}`)}
            checked={switches[level]}
            onChange={(_, data) => {
              setSwitches((current) => ({ ...current, [level]: data.checked }));
              submission.edited(level);
            }}
          />
        ))}
      </div>
      <SaveBar submission={submission} isShown={() => false} />
    </form>
  );
}

/** Preferences: the signed-in user's own e-mail notifications per threat level. */
export function PreferencesScreen() {
  const api = useApi();
  const load = useCallback(() => api['preferences.get'](), [api]);
  const { state, reload } = useLoad(LOAD_KEY, load);
  return (
    <Loaded state={state} reload={reload}>
      {(saved) => <PreferencesForm saved={saved} />}
    </Loaded>
  );
}
