import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AppInfoState } from './use-app-info';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  path: { overflow: 'hidden', textOverflow: 'ellipsis' },
});

/** What is running and where its data lives, always visible at the bottom of the window. */
export function StatusBar({ state }: { state: AppInfoState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <footer className={styles.root} aria-label={t('status.label')}>
      {state.status === 'loading' && <Caption1>{t('app.loading')}</Caption1>}
      {state.status === 'ready' && (
        <>
          <Caption1>{t('status.version', { version: state.info.version })}</Caption1>
          <Caption1>{state.info.mode === 'demo' ? t('status.modeDemo') : t('status.modeReal')}</Caption1>
          <Caption1>{state.info.host === 'electron' ? t('status.hostElectron') : t('status.hostBrowser')}</Caption1>
          <Caption1 className={styles.path} title={state.info.dataDir}>
            {t('status.dataFolder', { path: state.info.dataDir })}
          </Caption1>
        </>
      )}
    </footer>
  );
}
