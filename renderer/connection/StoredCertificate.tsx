import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../shared/ipc';
import { formatDateTime } from '../forms/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  // A thumbprint is read against the admin center's in one piece.
  thumbprint: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap', overflowX: 'auto', overflowWrap: 'normal' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The stored certificate's public facts, for the admin to match with the app registration's Certificates list. */
export function StoredCertificate({ certificate }: { certificate: CertificateInfo }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  // Whether it has expired is judged when it is shown, not again at every render.
  const [now] = useState(() => Date.now());
  const expired = Date.parse(certificate.notAfter) <= now;
  const date = formatDateTime(certificate.notAfter, i18n.language);
  return (
    <div className={styles.root}>
      {certificate.expiringSoon && (
        <MessageBar intent={expired ? 'error' : 'warning'} layout="multiline">
          <MessageBarBody>{t(expired ? 'connection.storedCertificate.expired' : 'connection.storedCertificate.expiring', { date })}</MessageBarBody>
        </MessageBar>
      )}
      <Body1 className={styles.muted}>{t('connection.storedCertificate.intro')}</Body1>
      <dl className={styles.list} aria-label={t('connection.storedCertificate.label')}>
        <dt className={styles.term}>{t('connection.storedCertificate.thumbprint')}</dt>
        <dd className={`${styles.value} ${styles.thumbprint}`}>{certificate.thumbprintSha256}</dd>
        <dt className={styles.term}>{t('connection.storedCertificate.subject')}</dt>
        <dd className={styles.value}>{certificate.subject}</dd>
        <dt className={styles.term}>{t('connection.storedCertificate.expires')}</dt>
        <dd className={styles.value}>{date}</dd>
      </dl>
    </div>
  );
}
