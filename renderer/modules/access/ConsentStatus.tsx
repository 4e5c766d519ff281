import { Body1, Label, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, InfoRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemSettings } from '../../../shared/ipc';
import { formatDateTime } from '../../forms/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  value: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  granted: { color: tokens.colorPaletteGreenForeground1 },
});

/** Consent is recorded by the first Global Administrator sign-in; it is shown here, not edited. */
export function ConsentStatus({ consent }: { consent: SystemSettings['consent'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root} role="group" aria-labelledby={id}>
      <Label id={id} weight="semibold">
        {t('access.consentTitle')}
      </Label>
      <Body1 className={styles.value}>
        {consent === null ? (
          <>
            <InfoRegular aria-hidden />
            {t('access.consentMissing')}
          </>
        ) : (
          <>
            <CheckmarkCircleRegular aria-hidden className={styles.granted} />
            {t('access.consentGranted', { who: consent.grantedBy, date: formatDateTime(consent.grantedAt, i18n.language) })}
          </>
        )}
      </Body1>
    </div>
  );
}
