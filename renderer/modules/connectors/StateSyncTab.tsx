import { Field, makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface StateSyncTabProps {
  deviceStatus: boolean;
  threatStatus: boolean;
  errors: FieldErrors;
  onChange: (field: 'deviceStatus' | 'threatStatus', on: boolean) => void;
}

/** The two switches; the warning while either is off is shown above the tabs, so it stays in sight. */
export function StateSyncTab({ deviceStatus, threatStatus, errors, onChange }: StateSyncTabProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {errors['stateSync'] !== undefined && (
        <Text role="alert" className={styles.error}>
          {errors['stateSync']}
        </Text>
      )}
      <Field hint={t('connectors.deviceStatusHint')} {...fieldState(errors, 'stateSync.deviceStatus')}>
        <Switch label={t('connectors.deviceStatus')} checked={deviceStatus} onChange={(_, data) => onChange('deviceStatus', data.checked)} />
      </Field>
      <Field hint={t('connectors.threatStatusHint')} {...fieldState(errors, 'stateSync.threatStatus')}>
        <Switch label={t('connectors.threatStatus')} checked={threatStatus} onChange={(_, data) => onChange('threatStatus', data.checked)} />
      </Field>
    </div>
  );
}
