import {
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, Session, SessionUserInfo } from '../../shared/ipc';
import { SignedInData } from '../data/SignedInData';
import { LoadFailedBar } from '../forms/LoadFailedBar';
import { ModulePage } from '../modules/ModulePage';
import { NoAccess } from '../modules/NoAccess';
import { NotFound } from '../modules/NotFound';
import { ProfilesProvider } from '../profiles/profiles-context';
import { TenantSwitcher } from '../profiles/TenantSwitcher';
import { ConsentPage } from '../session/ConsentPage';
import { SessionProvider, useSession } from '../session/session-context';
import { SignedInUser } from '../session/SignedInUser';
import { SignInScreen } from '../session/SignInScreen';
import { mayOpen, moduleForPath } from './modules';
import { Navigation } from './Navigation';
import { Notices } from './Notices';
import { OfflineBanner } from './OfflineBanner';
import { StatusBar } from './StatusBar';
import { UnsavedChangesProvider } from './unsaved-changes';
import { useAppInfo, type AppInfoState } from './use-app-info';
import { useHashRoute } from './use-hash-route';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
});

const useStyles = makeStyles({
  // minmax(0, 1fr): a wide table scrolls inside its own box instead of widening the whole window.
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr auto', gridTemplateColumns: 'minmax(0, 1fr)', height: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0 },
  body: { display: 'flex', minHeight: 0 },
  main: { flex: 1, minWidth: 0, overflow: 'auto', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type SignedIn = { user: SessionUserInfo; role: Role };

function signedInOf(session: Session): SignedIn | null {
  return session.signedIn && session.user !== null && session.role !== null ? { user: session.user, role: session.role } : null;
}

/** The module at the URL, if the role may open it; a module it may not open is refused by name, not hidden behind "not found". */
function ModuleArea({ path, role }: { path: string; role: Role }) {
  const module = moduleForPath(path);
  if (!module) return <NotFound />;
  if (!mayOpen(module, role)) return <NoAccess module={module} role={role} />;
  return <ModulePage key={module.id} module={module} />;
}

function AppInfoMessages({ appInfo }: { appInfo: AppInfoState }) {
  const { t } = useTranslation();
  return (
    <>
      {appInfo.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('status.loadFailed', { message: appInfo.message })}</MessageBarBody>
        </MessageBar>
      )}
      {appInfo.status === 'ready' && !appInfo.info.tenantConfigured && (
        <MessageBar intent="info">
          <MessageBarBody>{t('status.noTenant')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function Shell() {
  const { t } = useTranslation();
  const styles = useStyles();
  const path = useHashRoute();
  const appInfo = useAppInfo();
  const { state, reload } = useSession();
  const session = state.status === 'ready' ? state.session : null;
  const signedIn = session ? signedInOf(session) : null;
  const host = appInfo.status === 'ready' ? appInfo.info.host : null;

  let content: ReactNode;
  if (state.status === 'loading') {
    content = <Spinner size="small" label={t('app.loading')} />;
  } else if (state.status === 'failed') {
    // Without a session nothing else can be shown: say why, and offer to try again.
    content = <LoadFailedBar message={state.message} onRetry={reload} sentence={t('status.loadFailed', { message: state.message })} />;
  } else if (signedIn) {
    content = (
      <>
        <AppInfoMessages appInfo={appInfo} />
        <ModuleArea path={path} role={signedIn.role} />
      </>
    );
  } else if (state.session.consentPendingFor) {
    content = <ConsentPage admin={state.session.consentPendingFor} session={state.session} host={host} />;
  } else {
    content = (
      <>
        <AppInfoMessages appInfo={appInfo} />
        <SignInScreen session={state.session} host={host} />
      </>
    );
  }

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Title3 as="p" className={styles.title}>
          {t('app.title')}
        </Title3>
        {session && <TenantSwitcher active={session.profile} canManage={signedIn?.role === 'full'} />}
        {signedIn && <SignedInUser user={signedIn.user} role={signedIn.role} />}
      </header>
      <div className={styles.body}>
        {signedIn && <Navigation selectedPath={moduleForPath(path)?.path ?? path} role={signedIn.role} />}
        <main className={styles.main}>
          {signedIn && <SignedInData />}
          {signedIn && session && <OfflineBanner sessionOfflineSince={session.offlineSince} />}
          {/* Mounted whatever the session, so a notice stays until dismissed across sign-in and sign-out. */}
          <Notices />
          {content}
        </main>
      </div>
      <StatusBar state={appInfo} />
    </div>
  );
}

export function App() {
  useGlobalStyles();
  return (
    <SessionProvider>
      <ProfilesProvider>
        <UnsavedChangesProvider>
          <Shell />
        </UnsavedChangesProvider>
      </ProfilesProvider>
    </SessionProvider>
  );
}
