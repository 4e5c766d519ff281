import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { DEVICE_STATES } from '../../../shared/domain/device-state';
import type { Dashboard } from '../../../shared/ipc';
import { formatCount, formatList, formatMoment } from '../../forms/format';
import { ChartCard } from './ChartCard';
import { useChartColors } from './chart-colors';

const useStyles = makeStyles({
  empty: { display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', textAlign: 'center', color: tokens.colorNeutralForeground3 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall },
  muted: { color: tokens.colorNeutralForeground3 },
});

const DAY_MS = 86_400_000;

/** Devices by state over time (tenant time), stacked: the total enrolled and how it splits. */
export function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const colors = useChartColors().state;
  const language = i18n.language;
  const first = trend[0];
  const last = trend.at(-1);
  const labelOf = (state: (typeof DEVICE_STATES)[number]) => t(`inventory.states.${state}`);
  const enough = first !== undefined && last !== undefined && trend.length > 1;
  const span = enough ? last.at - first.at : 0;
  // Ticks show the time of day over a short span, the date over a long one.
  const tick = new Intl.DateTimeFormat(language, span > 2 * DAY_MS ? { month: 'short', day: 'numeric' } : { hour: 'numeric', minute: '2-digit' });
  const format = (value: unknown) => formatCount(Number(value), language);
  const summary =
    enough && last
      ? t('dashboard.trend.summary', {
          from: formatMoment(first.at, language),
          to: formatMoment(last.at, language),
          points: trend.length,
          latest: formatList(
            DEVICE_STATES.map((state) => t('dashboard.segmentPart', { label: labelOf(state), value: format(last[state]) })),
            language,
          ),
        })
      : t('dashboard.trend.tooFew');
  return (
    <ChartCard
      title={t('dashboard.trend.title')}
      summary={summary}
      note={enough ? t('dashboard.trend.range', { from: formatMoment(first.at, language), to: formatMoment(last.at, language) }) : undefined}
      chart={
        enough ? (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 220 }}>
            <AreaChart data={trend} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(value: number) => tick.format(new Date(value))}
                minTickGap={24}
              />
              <YAxis allowDecimals={false} tickFormatter={format} width={56} />
              <Tooltip labelFormatter={(value) => formatMoment(Number(value), language)} formatter={format} />
              {DEVICE_STATES.map((state) => (
                <Area
                  key={state}
                  type="monotone"
                  dataKey={state}
                  name={labelOf(state)}
                  stackId="states"
                  stroke={colors[state]}
                  fill={colors[state]}
                  fillOpacity={0.35}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        ) : (
          <Body1 className={styles.empty}>{t('dashboard.trend.tooFew')}</Body1>
        )
      }
    >
      <ul className={styles.legend} aria-label={t('dashboard.trend.legendLabel')}>
        {DEVICE_STATES.map((state) => (
          <li key={state} className={styles.item}>
            <span className={styles.swatch} style={{ backgroundColor: colors[state] }} aria-hidden />
            <Caption1>{labelOf(state)}</Caption1>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
