import { Body1, Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../forms/ErrorAlert';
import type { SessionUserInfo } from '../../shared/ipc';
import { failureOf } from '../forms/errors';
import { useSession } from './session-context';
import { usePageHeading, useSessionPageStyles } from './session-page';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column' },
});

const PERMISSIONS = [
  { name: 'consent.readDirectory', detail: 'consent.readDirectoryDetail' },
  { name: 'consent.managedDevices', detail: 'consent.managedDevicesDetail' },
] as const;

/** A Global Administrator's first sign-in: what the console asks to be granted for the tenant, to accept or decline. */
export function ConsentPage({ admin }: { admin: SessionUserInfo }) {
  const { t } = useTranslation();
  const page = useSessionPageStyles();
  const styles = useStyles();
  const { grantConsent, declineConsent } = useSession();
  const heading = usePageHeading(t('consent.title'));
  const listId = useId();
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const answer = async (which: 'accept' | 'decline') => {
    if (busy) return;
    setBusy(which);
    setError(null);
    try {
      await (which === 'accept' ? grantConsent() : declineConsent());
    } catch (failure) {
      setError(t('consent.failed', { message: failureOf(failure).message ?? t('common.unexpected') }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={page.root}>
      <h1 ref={heading} tabIndex={-1} className={page.heading}>
        {t('consent.title')}
      </h1>
      <Body1>{t('consent.intro', { name: admin.displayName, upn: admin.userPrincipalName })}</Body1>
      <Text id={listId} weight="semibold">
        {t('consent.listLabel')}
      </Text>
      <ul className={styles.list} aria-labelledby={listId}>
        {PERMISSIONS.map((permission) => (
          <li key={permission.name} className={styles.item}>
            <Text>{t(permission.name)}</Text>
            <Caption1 className={page.muted}>{t(permission.detail)}</Caption1>
          </li>
        ))}
      </ul>
      <Body1 className={page.muted}>{t('consent.after')}</Body1>
      <div className={page.actions}>
        <Button appearance="primary" disabled={busy !== null} icon={busy === 'accept' ? <Spinner size="tiny" /> : null} onClick={() => void answer('accept')}>
          {t('consent.accept')}
        </Button>
        <Button disabled={busy !== null} icon={busy === 'decline' ? <Spinner size="tiny" /> : null} onClick={() => void answer('decline')}>
          {t('consent.decline')}
        </Button>
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
