import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOKOUT_KEY_LIFETIME_DAYS, LOOKOUT_KEY_WARNING_DAYS } from '../../../shared/config/connection-settings';
import { GraphPermissionList } from '../../connection/GraphPermissionList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

const REGISTRATION_STEPS = ['register', 'authentication', 'permissions', 'certificate', 'secret', 'copyIds'] as const;
const LOOKOUT_STEPS = ['open', 'generate', 'copy'] as const;

/** What the admin does in the Entra admin center and the Lookout console before adding a tenant, and why each permission is asked for. */
export function AppRegistrationSteps() {
  const { t } = useTranslation();
  const styles = useStyles();
  const ids = useId();
  return (
    <div className={styles.root}>
      <section className={styles.root} aria-labelledby={`${ids}-registration`}>
        <Subtitle2 as="h3" id={`${ids}-registration`} className={styles.title}>
          {t('tenants.steps.registrationTitle')}
        </Subtitle2>
        <ol className={styles.steps}>
          {REGISTRATION_STEPS.map((step) => (
            <li key={step}>
              <Body1>{t(`tenants.steps.registration.${step}`)}</Body1>
            </li>
          ))}
        </ol>
      </section>
      <section className={styles.root} aria-labelledby={`${ids}-permissions`}>
        <Subtitle2 as="h3" id={`${ids}-permissions`} className={styles.title}>
          {t('tenants.steps.permissionsTitle')}
        </Subtitle2>
        <Body1 className={styles.muted}>{t('tenants.steps.permissionsIntro')}</Body1>
        <GraphPermissionList labelledBy={`${ids}-permissions`} />
        <Caption1 className={styles.muted}>{t('tenants.steps.intuneRole')}</Caption1>
      </section>
      <section className={styles.root} aria-labelledby={`${ids}-lookout`}>
        <Subtitle2 as="h3" id={`${ids}-lookout`} className={styles.title}>
          {t('tenants.steps.lookoutTitle')}
        </Subtitle2>
        <ol className={styles.steps}>
          {LOOKOUT_STEPS.map((step) => (
            <li key={step}>
              <Body1>{t(`tenants.steps.lookout.${step}`, { days: LOOKOUT_KEY_LIFETIME_DAYS, warning: LOOKOUT_KEY_WARNING_DAYS })}</Body1>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
