import { Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { HeartbeatHealth } from '../../../shared/ipc';
import { formatCount } from '../../forms/format';
import { useChartColors } from './chart-colors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  chart: { width: '100%', height: '120px', minWidth: 0 },
  fill: { width: '100%', height: '100%' },
  // The numbers as text: a table that scrolls within the card (focusable so the keyboard can scroll it).
  scroll: { maxHeight: '160px', overflowY: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { textAlign: 'start', padding: `0 ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightRegular },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The heartbeats of the last 30 days per day, sent and failed: a small chart named by its summary, and the numbers as a table. */
export function HeartbeatChart({ days }: { days: HeartbeatHealth['days'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const colors = useChartColors().heartbeat;
  const language = i18n.language;
  const dayFormat = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayOf = (ms: number) => dayFormat.format(new Date(ms));
  const first = days[0];
  const last = days.at(-1);
  const ok = days.reduce((n, day) => n + day.ok, 0);
  const failed = days.reduce((n, day) => n + day.failed, 0);
  if (!first || !last) return null;
  const summary = t('heartbeat.chartSummary', { from: dayOf(first.day), to: dayOf(last.day), ok: formatCount(ok, language), failed: formatCount(failed, language) });
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {t('heartbeat.chartTitle')}
      </Subtitle2>
      <div role="img" aria-label={summary} className={styles.chart}>
        <div aria-hidden className={styles.fill}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 120 }}>
            <BarChart data={days} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <XAxis dataKey="day" tickFormatter={(value: number) => dayOf(value)} minTickGap={24} />
              <YAxis allowDecimals={false} width={32} />
              <Tooltip labelFormatter={(value) => dayOf(Number(value))} />
              <Bar dataKey="ok" name={t('heartbeat.ok')} stackId="heartbeats" fill={colors.ok} isAnimationActive={false} />
              <Bar dataKey="failed" name={t('heartbeat.failed')} stackId="heartbeats" fill={colors.failed} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      {ok + failed === 0 && <Body1 className={styles.muted}>{t('heartbeat.none')}</Body1>}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('heartbeat.tableLabel')}>
        <table className={styles.table} aria-label={t('heartbeat.tableLabel')}>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>{t('heartbeat.day')}</th>
              <th scope="col" className={styles.cell}>{t('heartbeat.ok')}</th>
              <th scope="col" className={styles.cell}>{t('heartbeat.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row" className={styles.cell}>{dayOf(day.day)}</th>
                <td className={styles.cell}>{formatCount(day.ok, language)}</td>
                <td className={styles.cell}>{formatCount(day.failed, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
