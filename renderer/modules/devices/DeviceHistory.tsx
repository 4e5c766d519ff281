import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDetail } from '../../../shared/ipc';
import { formatMoment } from '../../forms/format';
import { StateBadge } from './DeviceBadges';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  timeline: { listStyle: 'none', margin: 0, padding: 0, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  entry: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    '::before': {
      content: '""',
      position: 'absolute',
      left: '-6px',
      top: '10px',
      width: '10px',
      height: '10px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorBrandBackground,
    },
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const KNOWN_REASONS = ['leftEnrollmentGroups', 'leftIntune', 'deactivatedByService'] as const;
const isKnownReason = (reason: string): reason is (typeof KNOWN_REASONS)[number] => (KNOWN_REASONS as readonly string[]).includes(reason);

/** The device's state changes, newest first, as a timeline (an ordered list). */
export function DeviceHistory({ history }: { history: DeviceDetail['history'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const newestFirst = [...history].sort((a, b) => b.at - a.at);
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {t('devices.detail.history')}
      </Subtitle2>
      {newestFirst.length === 0 ? (
        <Body1 className={styles.muted}>{t('devices.detail.noHistory')}</Body1>
      ) : (
        <ol className={styles.timeline} aria-labelledby={titleId}>
          {newestFirst.map((entry, index) => (
            <li key={`${entry.at}:${index}`} className={styles.entry}>
              <span className={styles.line}>
                <StateBadge state={entry.state} />
                <Caption1 className={styles.muted}>
                  <time dateTime={new Date(entry.at).toISOString()}>{formatMoment(entry.at, i18n.language)}</time>
                </Caption1>
              </span>
              {entry.reason !== null && <Body1>{isKnownReason(entry.reason) ? t(`inventory.reasons.${entry.reason}`) : entry.reason}</Body1>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
