import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardStyles } from '../../forms/card-styles';
import { SMTP_LIMITS, SMTP_SECURITY, type SmtpSecurity } from '../../../shared/config/smtp-settings';
import type { SmtpView } from '../../../shared/ipc';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { fieldState } from '../../forms/field-state';
import { useFormStyles } from '../../forms/form-styles';
import { Loaded } from '../../forms/Loaded';
import { SaveBar } from '../../forms/SaveBar';
import { SMTP_FIELDS } from './smtp-draft';
import type { SmtpServer } from './use-smtp-server';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const isSmtpField = (field: string) => (SMTP_FIELDS as readonly string[]).includes(field);

/**
 * The SMTP server that error reports and threat e-mails go through. It saves on its own
 * (it is not part of the connector), and a stored password is never shown back: the form
 * only says that there is one, and where it is kept.
 */
export function SmtpServerSection({ smtp }: { smtp: SmtpServer }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const titleId = useId();
  return (
    <section className={card.section} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={card.title}>
        {t('smtp.title')}
      </Subtitle2>
      <Body1 className={styles.muted}>{t('smtp.intro')}</Body1>
      <Loaded state={smtp.state} reload={smtp.reload}>
        {(view) => <SmtpFields smtp={smtp} view={view} />}
      </Loaded>
    </section>
  );
}

function SmtpFields({ smtp, view }: { smtp: SmtpServer; view: SmtpView }) {
  const { t } = useTranslation();
  const form = useFormStyles();
  const styles = useStyles();
  const { draft, update, submission } = smtp;
  const errors = submission.failure.fields;
  const passwordSet = view.settings?.passwordSet ?? false;
  const hostId = useId();
  // After a removal the dialog's trigger is gone: focus goes to where a new server is typed.
  useEffect(() => {
    if (smtp.removed) document.getElementById(hostId)?.focus();
  }, [smtp.removed, hostId]);
  return (
    <form
      className={styles.fields}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void smtp.save();
      }}
    >
      <Field className={form.field} label={t('smtp.host')} hint={t('smtp.hostHint')} required {...fieldState(errors, 'settings.host')}>
        <Input id={hostId} value={draft.host} onChange={(_, data) => update('host', data.value, 'settings.host')} />
      </Field>
      <Field className={form.field} label={t('smtp.port')} hint={t('smtp.portHint', { ...SMTP_LIMITS.port })} required {...fieldState(errors, 'settings.port')}>
        <Input className={form.narrow} inputMode="numeric" value={draft.port} onChange={(_, data) => update('port', data.value, 'settings.port')} />
      </Field>
      <Field className={form.field} label={t('smtp.security')} {...fieldState(errors, 'settings.security')}>
        <Select value={draft.security} onChange={(_, data) => update('security', data.value as SmtpSecurity, 'settings.security')}>
          {SMTP_SECURITY.map((security) => (
            <option key={security} value={security}>
              {t(`smtp.securities.${security}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={form.field} label={t('smtp.username')} hint={t('smtp.usernameHint')} {...fieldState(errors, 'settings.username')}>
        <Input value={draft.username} autoComplete="off" onChange={(_, data) => update('username', data.value, 'settings.username')} />
      </Field>
      <Field className={form.field} label={t('smtp.from')} hint={t('smtp.fromHint')} required {...fieldState(errors, 'settings.from')}>
        <Input type="email" value={draft.from} onChange={(_, data) => update('from', data.value, 'settings.from')} />
      </Field>
      <Field className={form.field} label={t('smtp.password')} hint={passwordSet ? t('smtp.passwordHint') : null} {...fieldState(errors, 'password')}>
        <Input
          type="password"
          autoComplete="new-password"
          value={draft.password}
          placeholder={passwordSet ? t('smtp.passwordStoredPlaceholder') : undefined}
          disabled={draft.clearPassword}
         
          onChange={(_, data) => update('password', data.value, 'password')}
        />
      </Field>
      {passwordSet && (
        <Field {...fieldState(errors, 'clearPassword')}>
          <Checkbox
            label={t('smtp.clearPassword')}
            checked={draft.clearPassword}
            onChange={(_, data) => {
              update('clearPassword', data.checked === true, 'clearPassword');
              if (data.checked === true) update('password', '', 'password');
            }}
          />
        </Field>
      )}
      <Caption1 className={styles.muted}>{t(`smtp.storage.${view.passwordStorage}`)}</Caption1>
      {smtp.removed && (
        <MessageBar intent="success">
          <MessageBarBody>{t('smtp.removed')}</MessageBarBody>
        </MessageBar>
      )}
      <SaveBar submission={submission} isShown={isSmtpField} saveLabel={t('smtp.save')} savedLabel={t('smtp.saved')}>
        {view.settings !== null && (
          <ConfirmDialog
            trigger={<Button icon={<DeleteRegular />}>{t('smtp.remove')}</Button>}
            title={t('smtp.removeTitle')}
            body={t('smtp.removeBody')}
            confirmLabel={t('smtp.removeConfirm')}
            onConfirm={smtp.remove}
          />
        )}
      </SaveBar>
    </form>
  );
}
