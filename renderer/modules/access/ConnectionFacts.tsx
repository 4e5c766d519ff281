import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../shared/ipc';
import { formatDateTime } from '../../forms/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** What the saved connection amounts to: the tenant in use, which secrets and certificate are set (never their values) and where, the hosts, the key's expiry. */
export function ConnectionFacts({ view, now }: { view: ConnectionView; now: number }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const expiresAt = view.lookoutKeyExpiresAt;
  const expired = expiresAt !== null && Date.parse(expiresAt) <= now;
  const secretState = (state: 'set' | 'notSet') => t(`connection.facts.secret.${state}`);
  return (
    <div className={styles.root}>
      {expiresAt !== null && expired && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('connection.facts.keyExpired', { date: formatDateTime(expiresAt, i18n.language) })}</MessageBarBody>
        </MessageBar>
      )}
      {expiresAt !== null && !expired && view.lookoutKeyExpiringSoon && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('connection.facts.keyExpiring', { date: formatDateTime(expiresAt, i18n.language) })}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.list} aria-label={t('connection.facts.label')}>
        {view.settings !== null && (
          <>
            <dt className={styles.term}>{t('connection.facts.tenantId')}</dt>
            <dd className={`${styles.value} ${styles.code}`}>{view.settings.tenantId}</dd>
          </>
        )}
        <dt className={styles.term}>{t('connection.facts.secrets')}</dt>
        <dd className={styles.value}>
          <Text block>{t('connection.facts.clientSecret', { state: secretState(view.secrets.clientSecret) })}</Text>
          <Text block>{t('connection.facts.clientCertificate', { state: secretState(view.secrets.clientCertificate) })}</Text>
          <Text block>{t('connection.facts.lookoutAppKey', { state: secretState(view.secrets.lookoutAppKey) })}</Text>
        </dd>
        <dt className={styles.term}>{t('connection.facts.storage')}</dt>
        <dd className={styles.value}>{t(`connection.facts.storages.${view.secretStorage}`)}</dd>
        <dt className={styles.term}>{t('connection.facts.keyExpires')}</dt>
        <dd className={styles.value}>{expiresAt === null ? t('connection.facts.noKeyDate') : formatDateTime(expiresAt, i18n.language)}</dd>
        {view.hosts !== null && (
          <>
            <dt className={styles.term}>{t('connection.facts.authorityHost')}</dt>
            <dd className={`${styles.value} ${styles.code}`}>{view.hosts.authority}</dd>
            <dt className={styles.term}>{t('connection.facts.graphHost')}</dt>
            <dd className={`${styles.value} ${styles.code}`}>{view.hosts.graph}</dd>
            <dt className={styles.term}>{t('connection.facts.lookoutHost')}</dt>
            <dd className={`${styles.value} ${styles.code}`}>{view.hosts.lookout}</dd>
          </>
        )}
      </dl>
      {view.endpointsOverridden && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('connection.facts.overridden')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
