import { FluentProvider, makeStaticStyles, makeStyles, MessageBar, MessageBarBody, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ModulePage } from '../modules/ModulePage';
import { NotFound } from '../modules/NotFound';
import { moduleForPath } from './modules';
import { Navigation } from './Navigation';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { useAppInfo } from './use-app-info';
import { useHashRoute } from './use-hash-route';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
});

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr auto', height: '100vh' },
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
  main: { flex: 1, overflow: 'auto', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function App() {
  const { t } = useTranslation();
  useGlobalStyles();
  const styles = useStyles();
  const path = useHashRoute();
  const appInfo = useAppInfo();
  const module = moduleForPath(path);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.shell}>
        <header className={styles.header}>
          <Title3 as="p" className={styles.title}>
            {t('app.title')}
          </Title3>
        </header>
        <div className={styles.body}>
          <Navigation selectedPath={path} />
          <main className={styles.main}>
            <Notices />
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
            {module ? <ModulePage key={module.id} module={module} /> : <NotFound />}
          </main>
        </div>
        <StatusBar state={appInfo} />
      </div>
    </FluentProvider>
  );
}
