import { Badge, Body1, Caption1, makeStyles, Subtitle2, tokens, type BadgeProps } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../shared/domain/threat-classifications';
import type { DeviceDetail } from '../../../shared/ipc';
import { formatMoment } from '../../forms/format';

type Threat = DeviceDetail['threats'][number];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  threat: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const LEVEL_COLORS: Record<RiskLevel, NonNullable<BadgeProps['color']>> = { None: 'subtle', Low: 'warning', Medium: 'severe', High: 'danger' };

/** The device's open threats, then the resolved and ignored ones, newest first. */
export function DeviceThreats({ threats }: { threats: DeviceDetail['threats'] }) {
  const { t } = useTranslation();
  const byNewest = [...threats].sort((a, b) => (b.detectedAt ?? 0) - (a.detectedAt ?? 0));
  const open = byNewest.filter((threat) => threat.status === 'open');
  const closed = byNewest.filter((threat) => threat.status !== 'open');
  return (
    <>
      <ThreatList title={t('devices.detail.openThreats', { count: open.length })} empty={t('devices.detail.noOpenThreats')} threats={open} />
      <ThreatList title={t('devices.detail.closedThreats', { count: closed.length })} empty={t('devices.detail.noClosedThreats')} threats={closed} />
    </>
  );
}

function ThreatList({ title, empty, threats }: { title: string; empty: string; threats: readonly Threat[] }) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {title}
      </Subtitle2>
      {threats.length === 0 ? (
        <Body1 className={styles.muted}>{empty}</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={titleId}>
          {threats.map((threat) => (
            <ThreatItem key={threat.guid} threat={threat} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ThreatItem({ threat }: { threat: Threat }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const classifications = threat.classifications.length > 0 ? threat.classifications.join(', ') : threat.type;
  return (
    <li className={styles.threat}>
      <span className={styles.line}>
        <Body1 className={styles.name}>{classifications}</Body1>
        <Badge appearance="tint" color={LEVEL_COLORS[threat.level]}>
          {t('devices.detail.riskLevel', { level: t(`devices.detail.riskLevels.${threat.level}`) })}
        </Badge>
        <Badge appearance="outline" color="informative">
          {t(`devices.detail.threatStatuses.${threat.status}`)}
        </Badge>
      </span>
      <Caption1 className={styles.muted}>
        {[
          threat.type,
          threat.detectedAt === null ? null : t('devices.detail.detected', { time: formatMoment(threat.detectedAt, i18n.language) }),
          threat.closedAt === null ? null : t('devices.detail.closed', { time: formatMoment(threat.closedAt, i18n.language) }),
        ]
          .filter((part) => part !== null)
          .join(' · ')}
      </Caption1>
    </li>
  );
}
