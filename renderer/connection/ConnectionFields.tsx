import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CLOUDS, POLLING_IDENTITIES } from '../../shared/config/connection-settings';
import type { CertificateInfo } from '../../shared/ipc';
import type { FieldErrors } from '../forms/errors';
import { fieldState } from '../forms/field-state';
import { useFormStyles } from '../forms/form-styles';
import { ClientCertificateField } from './ClientCertificateField';
import type { ConnectionDraft, ConnectionField } from './connection-draft';
import { StoredCertificate } from './StoredCertificate';

const useStyles = makeStyles({ code: { fontFamily: tokens.fontFamilyMonospace } });

export interface ConnectionFieldsProps {
  draft: ConnectionDraft;
  errors: FieldErrors;
  /** Every value is text: the two choices are their contract values. */
  onChange: (field: ConnectionField, value: string) => void;
  /** Editing a saved connection: which secrets are stored (an empty field keeps them), and the stored certificate's facts. Absent when adding. */
  stored?: { clientSecret: boolean; clientCertificate: boolean; lookoutAppKey: boolean; certificate: CertificateInfo | null };
}

/** A real tenant's connection: which tenant, which app registration, which cloud, who polls, and Lookout. Adding and editing share them. */
export function ConnectionFields({ draft, errors, onChange, stored }: ConnectionFieldsProps) {
  const { t } = useTranslation();
  const form = useFormStyles();
  const styles = useStyles();
  const secretHint = (which: 'clientSecret' | 'lookoutAppKey') =>
    stored?.[which] ? t(`connection.${which}KeepHint`) : t(`connection.${which}Hint`);
  return (
    <>
      <Field className={form.field} label={t('connection.tenant')} hint={t('connection.tenantHint')} required {...fieldState(errors, 'tenant')}>
        <Input className={styles.code} value={draft.tenant} spellCheck={false} autoComplete="off" onChange={(_, data) => onChange('tenant', data.value)} />
      </Field>
      <Field className={form.field} label={t('connection.clientId')} hint={t('connection.clientIdHint')} required {...fieldState(errors, 'clientId')}>
        <Input className={styles.code} value={draft.clientId} spellCheck={false} autoComplete="off" onChange={(_, data) => onChange('clientId', data.value)} />
      </Field>
      <Field className={form.field} label={t('connection.cloud')} hint={t('connection.cloudHint')} required {...fieldState(errors, 'cloud')}>
        <RadioGroup value={draft.cloud} onChange={(_, data) => onChange('cloud', data.value)}>
          {CLOUDS.map((cloud) => (
            <Radio key={cloud} value={cloud} label={t(`connection.clouds.${cloud}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field className={form.field} label={t('connection.pollingIdentity')} hint={t('connection.pollingIdentityHint')} required {...fieldState(errors, 'pollingIdentity')}>
        <RadioGroup value={draft.pollingIdentity} onChange={(_, data) => onChange('pollingIdentity', data.value)}>
          {POLLING_IDENTITIES.map((identity) => (
            <Radio key={identity} value={identity} label={t(`connection.pollingIdentities.${identity}`)} />
          ))}
        </RadioGroup>
      </Field>
      {draft.pollingIdentity === 'appSecret' && (
        <Field
          className={form.field}
          label={t('connection.clientSecret')}
          hint={secretHint('clientSecret')}
          required={!stored?.clientSecret}
          {...fieldState(errors, 'clientSecret')}
        >
          <Input type="password" autoComplete="new-password" value={draft.clientSecret} onChange={(_, data) => onChange('clientSecret', data.value)} />
        </Field>
      )}
      {draft.pollingIdentity === 'appCertificate' && (
        <>
          {stored?.certificate && <StoredCertificate certificate={stored.certificate} />}
          <ClientCertificateField
            value={draft.clientCertificate}
            error={errors.clientCertificate}
            stored={stored?.clientCertificate ?? false}
            onChange={(value) => onChange('clientCertificate', value)}
          />
        </>
      )}
      <Field className={form.field} label={t('connection.lookoutBaseUrl')} hint={t('connection.lookoutBaseUrlHint')} required {...fieldState(errors, 'lookoutBaseUrl')}>
        <Input type="url" className={styles.code} value={draft.lookoutBaseUrl} spellCheck={false} onChange={(_, data) => onChange('lookoutBaseUrl', data.value)} />
      </Field>
      <Field
        className={form.field}
        label={t('connection.lookoutAppKey')}
        hint={secretHint('lookoutAppKey')}
        required={!stored?.lookoutAppKey}
        {...fieldState(errors, 'lookoutAppKey')}
      >
        <Input type="password" autoComplete="new-password" value={draft.lookoutAppKey} onChange={(_, data) => onChange('lookoutAppKey', data.value)} />
      </Field>
    </>
  );
}
