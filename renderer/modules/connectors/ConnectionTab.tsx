import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/config/configuration-schema';
import type { FieldErrors } from '../../forms/errors';
import { fieldState } from '../../forms/field-state';
import { useFormStyles } from '../../forms/form-styles';

export function ConnectionTab({ heartbeatMinutes, errors, onChange }: { heartbeatMinutes: string; errors: FieldErrors; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const form = useFormStyles();
  return (
    <Field
      className={form.field}
      label={t('connectors.heartbeat')}
      hint={t('common.rangeMinutes', LIMITS.heartbeatMinutes)}
      required
      {...fieldState(errors, 'heartbeatMinutes')}
    >
      <Input className={form.narrow} inputMode="numeric" value={heartbeatMinutes} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
