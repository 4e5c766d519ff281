import { Body1, Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Session, SessionUserInfo } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { GraphPermissionList } from '../connection/GraphPermissionList';
import { ErrorAlert } from '../forms/ErrorAlert';
import { failureOf } from '../forms/errors';
import { BrowserStepWait } from './BrowserStepWait';
import { useSession } from './session-context';
import { usePageHeading, useSessionPageStyles } from './session-page';
import { useBrowserStep } from './use-browser-step';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column' },
});

// The demo tenant's consent stands for the real one in two plain sentences.
const DEMO_PERMISSIONS = [
  { name: 'consent.readDirectory', detail: 'consent.readDirectoryDetail' },
  { name: 'consent.managedDevices', detail: 'consent.managedDevicesDetail' },
] as const;

function DemoPermissions({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const page = useSessionPageStyles();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-labelledby={labelledBy}>
      {DEMO_PERMISSIONS.map((permission) => (
        <li key={permission.name} className={styles.item}>
          <Text>{t(permission.name)}</Text>
          <Caption1 className={page.muted}>{t(permission.detail)}</Caption1>
        </li>
      ))}
    </ul>
  );
}

type Answer = { busy: 'accept' | 'decline' | null; error: string | null; answer: (which: 'accept' | 'decline') => void };

/** The demo tenant: Accept records consent at once. */
function useDemoAnswer(): Answer {
  const { t } = useTranslation();
  const { grantConsent, declineConsent } = useSession();
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
  return { busy, error, answer: (which) => void answer(which) };
}

function Actions({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const page = useSessionPageStyles();
  return (
    <div className={page.actions}>
      <Button appearance="primary" disabled={answer.busy !== null} icon={answer.busy === 'accept' ? <Spinner size="tiny" /> : null} onClick={() => answer.answer('accept')}>
        {t('consent.accept')}
      </Button>
      <Button disabled={answer.busy !== null} icon={answer.busy === 'decline' ? <Spinner size="tiny" /> : null} onClick={() => answer.answer('decline')}>
        {t('consent.decline')}
      </Button>
    </div>
  );
}

function DemoConsent() {
  const answer = useDemoAnswer();
  return (
    <>
      <Actions answer={answer} />
      <ErrorAlert message={answer.error} />
    </>
  );
}

/** A real tenant: Accept opens Microsoft's admin consent page, and the console waits for its answer. */
function TenantConsent({ session, host }: { session: Session; host: AppInfo['host'] | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const { awaitConsent, cancelBrowserStep } = useSession();
  const declining = useDemoAnswer();
  const step = useBrowserStep({
    host,
    begin: () => api['consent.begin'](),
    complete: awaitConsent,
    cancel: cancelBrowserStep,
    alreadyWaiting: session.browserStep === 'consent',
  });
  if (step.phase === 'waiting' || step.phase === 'cancelling') {
    return (
      <BrowserStepWait
        phase={step.phase}
        url={step.url}
        waitingLabel={t('consent.waiting')}
        openAgainLabel={t('consent.openAgain')}
        cancelLabel={t('common.cancel')}
        onCancel={step.cancel}
      />
    );
  }
  const answer: Answer = {
    busy: step.phase === 'starting' ? 'accept' : declining.busy,
    error: null,
    answer: (which) => (which === 'accept' ? step.start() : declining.answer('decline')),
  };
  const error = step.error ?? declining.error;
  return (
    <>
      <Actions answer={answer} />
      <ErrorAlert message={error === null ? null : t('consent.failed', { message: error })} />
    </>
  );
}

/** A Global Administrator's first sign-in: what the console asks to be granted for the tenant, to accept or decline. */
export function ConsentPage({ admin, session, host }: { admin: SessionUserInfo; session: Session; host: AppInfo['host'] | null }) {
  const { t } = useTranslation();
  const page = useSessionPageStyles();
  const heading = usePageHeading(t('consent.title'));
  const listId = useId();
  const real = session.mode === 'real';

  return (
    <div className={page.root}>
      <h1 ref={heading} tabIndex={-1} className={page.heading}>
        {t('consent.title')}
      </h1>
      <Body1>{t('consent.intro', { name: admin.displayName, upn: admin.userPrincipalName })}</Body1>
      <Text id={listId} weight="semibold">
        {t('consent.listLabel')}
      </Text>
      {real ? <GraphPermissionList labelledBy={listId} /> : <DemoPermissions labelledBy={listId} />}
      <Body1 className={page.muted}>{real ? t('consent.afterTenant') : t('consent.after')}</Body1>
      {real ? <TenantConsent session={session} host={host} /> : <DemoConsent />}
    </div>
  );
}
