import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentPreview } from '../../../shared/ipc';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  title: { margin: 0 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** How many users and devices the groups would enroll, before anything is saved. */
export function EnrollmentPreviewPanel({ preview, stale }: { preview: EnrollmentPreview; stale: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const platforms = Object.entries(preview.devices.byPlatform).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className={styles.root} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={styles.title}>
        {t('connectors.previewTitle')}
      </Subtitle2>
      {stale && <Caption1 className={styles.stale}>{t('connectors.previewStale')}</Caption1>}
      <ul className={styles.list}>
        <li>
          <Body1>{t('connectors.previewUsers', { count: preview.users })}</Body1>
        </li>
        <li>
          <Body1>{t('connectors.previewSupported', { count: preview.devices.supported })}</Body1>
        </li>
        <li>
          <Body1>{t('connectors.previewUnsupported', { count: preview.devices.unsupported })}</Body1>
        </li>
        {preview.nestedGroupsIgnored > 0 && (
          <li>
            <Body1>{t('connectors.previewNested', { count: preview.nestedGroupsIgnored })}</Body1>
          </li>
        )}
      </ul>
      {platforms.length > 0 && (
        <>
          <Caption1>{t('connectors.previewPlatforms')}</Caption1>
          <ul className={styles.list}>
            {platforms.map(([platform, count]) => (
              <li key={platform}>
                <Caption1>{t('connectors.previewPlatform', { platform, count })}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
