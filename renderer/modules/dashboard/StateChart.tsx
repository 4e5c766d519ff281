import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/ipc';
import { formatCount, formatList } from '../../forms/format';
import { devicesHref } from '../devices/device-query';
import { ChartCard } from './ChartCard';
import { CountLinks } from './CountLinks';
import { SegmentDonut } from './SegmentDonut';
import { useChartColors } from './chart-colors';
import { stateSegments } from './segments';

const useStyles = makeStyles({
  empty: { display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', color: tokens.colorNeutralForeground3 },
});

/** Devices by lifecycle state (a donut and the counts as links), and the unsupported devices that are listed but never enrolled. */
export function StateChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const segments = stateSegments(dashboard);
  const colors = useChartColors().state;
  const labelOf = (state: (typeof segments)[number]['key']) => t(`inventory.states.${state}`);
  const total = segments.reduce((n, segment) => n + segment.count, 0);
  const parts = segments.map((segment) => t('dashboard.segmentPart', { label: labelOf(segment.key), value: formatCount(segment.count, i18n.language) }));
  return (
    <ChartCard
      title={t('dashboard.states.title')}
      summary={t('dashboard.states.summary', { parts: formatList(parts, i18n.language), total: formatCount(total, i18n.language) })}
      note={t('dashboard.openSegmentHint')}
      chart={
        total === 0 ? (
          <Body1 className={styles.empty}>{t('dashboard.states.none')}</Body1>
        ) : (
          <SegmentDonut segments={segments} colors={colors} labelOf={labelOf} center={formatCount(total, i18n.language)} />
        )
      }
    >
      <CountLinks label={t('dashboard.states.listLabel')} segments={segments} colors={colors} labelOf={labelOf} />
      <Body1>
        <Link href={devicesHref({ states: ['unsupported'] })}>
          {t('dashboard.states.unsupported', { value: formatCount(dashboard.unsupported, i18n.language) })}
        </Link>
      </Body1>
    </ChartCard>
  );
}
