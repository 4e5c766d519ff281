import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../../shared/domain/compliance';
import type { Dashboard } from '../../../shared/ipc';
import { formatCount, formatList } from '../../forms/format';
import { ChartCard } from './ChartCard';
import { CountLinks } from './CountLinks';
import { SegmentDonut } from './SegmentDonut';
import { useChartColors } from './chart-colors';
import { complianceSegments } from './segments';

/** Intune compliance of the enrolled devices: compliant, non-compliant, and no partner data yet (pending). */
export function ComplianceChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const segments = complianceSegments(dashboard);
  const colors = useChartColors().compliance;
  const labelOf = (value: Compliance) => t(`inventory.compliance.${value}`);
  const parts = segments.map((segment) => t('dashboard.segmentPart', { label: labelOf(segment.key), value: formatCount(segment.count, i18n.language) }));
  return (
    <ChartCard
      title={t('dashboard.compliance.title')}
      summary={t('dashboard.compliance.summary', { parts: formatList(parts, i18n.language) })}
      note={t('dashboard.compliance.note')}
      chart={<SegmentDonut segments={segments} colors={colors} labelOf={labelOf} />}
    >
      <CountLinks label={t('dashboard.compliance.listLabel')} segments={segments} colors={colors} labelOf={labelOf} />
    </ChartCard>
  );
}
