import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../forms/ErrorAlert';
import type { AppInfo, Session } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { failureOf } from '../forms/errors';
import { BrowserStepWait } from './BrowserStepWait';
import { useSession } from './session-context';
import { usePageHeading, useSessionPageStyles } from './session-page';
import { useBrowserStep } from './use-browser-step';

const useStyles = makeStyles({
  user: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS },
  upn: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  kind: { color: tokens.colorNeutralForeground2 },
});

function DemoSignIn({ session }: { session: Session }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const page = useSessionPageStyles();
  const { signIn } = useSession();
  const [chosen, setChosen] = useState('');
  const [missingChoice, setMissingChoice] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (chosen === '') {
      setMissingChoice(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // On success the session changes and this screen gives way to the console (or the consent page).
      await signIn(chosen);
    } catch (failure) {
      setError(failureOf(failure).message ?? t('common.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={page.root} onSubmit={(event) => void submit(event)} noValidate>
      <Body1>{t('session.demoIntro')}</Body1>
      <Field label={t('session.demoUsers')} required {...(missingChoice ? { validationMessage: t('session.chooseUser') } : {})}>
        <RadioGroup
          value={chosen}
          onChange={(_, data) => {
            setChosen(data.value);
            setMissingChoice(false);
            setError(null);
          }}
        >
          {session.demoUsers.map((user) => (
            <Radio
              key={user.userPrincipalName}
              value={user.userPrincipalName}
              label={
                <span className={styles.user}>
                  <Text weight="semibold">{user.displayName}</Text>
                  <Text className={styles.upn}>{user.userPrincipalName}</Text>
                  <Caption1 className={styles.kind}>{t(`session.kinds.${user.kind}`)}</Caption1>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={page.actions}>
        <Button appearance="primary" type="submit" disabled={busy} icon={busy ? <Spinner size="tiny" /> : null}>
          {busy ? t('session.signingIn') : t('session.signIn')}
        </Button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}

/** A real tenant: sign-in on Microsoft's page in the browser, which answers the console's loopback redirect. */
function MicrosoftSignIn({ session, host }: { session: Session; host: AppInfo['host'] | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const page = useSessionPageStyles();
  const { completeSignIn, cancelBrowserStep } = useSession();
  const step = useBrowserStep({
    host,
    begin: () => api['session.beginSignIn'](),
    complete: completeSignIn,
    cancel: cancelBrowserStep,
    alreadyWaiting: session.browserStep === 'signIn',
  });
  return (
    <section className={page.root} aria-label={t('session.entraTitle')}>
      <Body1>{t('session.entraIntro', { profile: session.profile.name })}</Body1>
      {step.phase === 'waiting' || step.phase === 'cancelling' ? (
        <BrowserStepWait
          phase={step.phase}
          url={step.url}
          waitingLabel={t('session.waitingForBrowser')}
          openAgainLabel={t('session.openSignInAgain')}
          cancelLabel={t('session.cancelSignIn')}
          onCancel={step.cancel}
        />
      ) : (
        <div className={page.actions}>
          <Button appearance="primary" disabled={step.phase === 'starting'} icon={step.phase === 'starting' ? <Spinner size="tiny" /> : null} onClick={step.start}>
            {t('session.entraSignIn')}
          </Button>
        </div>
      )}
      <ErrorAlert message={step.error} />
    </section>
  );
}

function SignInPlaceholder() {
  const { t } = useTranslation();
  const page = useSessionPageStyles();
  const noteId = useId();
  return (
    <section className={page.root} aria-label={t('session.entraTitle')}>
      <div className={page.actions}>
        <Button disabled aria-describedby={noteId}>
          {t('session.entraSignIn')}
        </Button>
        <Caption1 id={noteId} className={page.muted}>
          {t('session.entraNote')}
        </Caption1>
      </div>
    </section>
  );
}

/** Signed out: the demo tenant's users to choose from, or, on a real tenant, sign-in with Microsoft. */
export function SignInScreen({ session, host }: { session: Session; host: AppInfo['host'] | null }) {
  const { t } = useTranslation();
  const page = useSessionPageStyles();
  const heading = usePageHeading(t('session.signInPageTitle'));
  return (
    <div className={page.root}>
      <h1 ref={heading} tabIndex={-1} className={page.heading}>
        {t('session.signInTitle')}
      </h1>
      {!session.consentRecorded && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('session.consentMissing')}</MessageBarBody>
        </MessageBar>
      )}
      {session.mode === 'demo' ? (
        <>
          <DemoSignIn session={session} />
          <Divider />
          <SignInPlaceholder />
        </>
      ) : (
        <MicrosoftSignIn key={session.profile.id} session={session} host={host} />
      )}
    </div>
  );
}
