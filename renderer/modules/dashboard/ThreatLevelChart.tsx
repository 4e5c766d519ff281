import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { THREAT_LEVELS, type ThreatLevel } from '../../../shared/domain/threat-level';
import type { Dashboard } from '../../../shared/ipc';
import { formatCount, formatList } from '../../forms/format';
import { ChartCard } from './ChartCard';
import { CountLinks } from './CountLinks';
import { openSegment } from './SegmentDonut';
import { useChartColors } from './chart-colors';
import { threatSegments } from './segments';

const isLevel = (value: unknown): value is ThreatLevel => typeof value === 'string' && (THREAT_LEVELS as readonly string[]).includes(value);

/** Threat levels of the enrolled devices as bars; selecting a bar opens its devices. */
export function ThreatLevelChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const segments = threatSegments(dashboard);
  const colors = useChartColors().level;
  const labelOf = (level: ThreatLevel) => t(`inventory.threatLevels.${level}`);
  const data = segments.map((segment) => ({ ...segment, name: labelOf(segment.key), fill: colors[segment.key] }));
  const parts = segments.map((segment) => t('dashboard.segmentPart', { label: labelOf(segment.key), value: formatCount(segment.count, i18n.language) }));
  const format = (value: unknown) => formatCount(Number(value), i18n.language);
  return (
    <ChartCard
      title={t('dashboard.threats.title')}
      summary={t('dashboard.threats.summary', { parts: formatList(parts, i18n.language) })}
      note={t('dashboard.threats.note')}
      chart={
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 220 }}>
          <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="name" tickLine={false} />
            <YAxis allowDecimals={false} tickFormatter={format} width={56} />
            <Tooltip formatter={format} cursor={{ fillOpacity: 0.1 }} />
            <Bar
              dataKey="count"
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const key: unknown = (item.payload as { key?: unknown } | undefined)?.key;
                const segment = segments.find((candidate) => isLevel(key) && candidate.key === key);
                if (segment) openSegment(segment);
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      }
    >
      <CountLinks label={t('dashboard.threats.listLabel')} segments={segments} colors={colors} labelOf={labelOf} />
    </ChartCard>
  );
}
