import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Label, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { navigateTo } from '../../app/use-hash-route';
import { formatCount } from '../../forms/format';
import { DEVICES_PATH, deviceQueryParams, DEFAULT_SORT } from '../devices/device-query';
import type { Segment } from './segments';

const useStyles = makeStyles({
  center: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fill: tokens.colorNeutralForeground1 },
});

/** Opens the device list filtered to a segment, as its link does. */
export function openSegment(segment: Segment): void {
  navigateTo(DEVICES_PATH, deviceQueryParams({ filter: segment.filter, sort: DEFAULT_SORT }));
}

/** A donut of segments; selecting a slice opens its devices. Empty segments are left out of the picture (their links stay). */
export function SegmentDonut<K extends string>({
  segments,
  colors,
  labelOf,
  center,
}: {
  segments: readonly Segment<K>[];
  colors: Record<K, string>;
  labelOf: (key: K) => string;
  center?: string;
}) {
  const { i18n } = useTranslation();
  const styles = useStyles();
  const data = segments.filter((segment) => segment.count > 0).map((segment) => ({ ...segment, name: labelOf(segment.key), fill: colors[segment.key] }));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 220 }}>
      <PieChart accessibilityLayer={false}>
        <Pie
          data={data}
          dataKey="count"
          nameKey="name"
          innerRadius="55%"
          outerRadius="90%"
          paddingAngle={data.length > 1 ? 1 : 0}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, index) => {
            const segment = data[index];
            if (segment) openSegment(segment);
          }}
        >
          {center !== undefined && <Label value={center} position="center" className={styles.center} />}
        </Pie>
        <Tooltip formatter={(value) => formatCount(Number(value), i18n.language)} />
      </PieChart>
    </ResponsiveContainer>
  );
}
