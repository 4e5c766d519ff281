import { Body1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_STATES } from '../../../shared/domain/device-state';
import { POLL_PHASES, type PollResultView } from '../../../shared/ipc';
import { translated } from '../../forms/errors';
import { formatMoment } from '../../forms/format';
import { PollStateSyncSummary } from './PollStateSyncSummary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyle: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const isPhase = (step: string): step is (typeof POLL_PHASES)[number] => (POLL_PHASES as readonly string[]).includes(step);

/** The last finished poll: when, which kind, how it ended, the devices per state, and its errors. */
export function LastPollSummary({ poll }: { poll: PollResultView | null }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const errorsId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {t('engine.lastPollTitle')}
      </Subtitle2>
      {poll === null ? (
        <Body1 className={styles.muted}>{t('engine.noPollYet')}</Body1>
      ) : (
        <>
          <Body1>
            {/* Real time, as the schedule's; the devices' facts are in the tenant's (demo) time. */}
            {t('engine.finished', { kind: t(`engine.kinds.${poll.kind}`), time: formatMoment(poll.finishedAt, i18n.language) })}
            {' · '}
            <Text className={poll.outcome === 'ok' ? styles.ok : poll.outcome === 'partial' ? styles.warning : styles.error}>
              {t(`engine.outcomes.${poll.outcome}`)}
            </Text>
          </Body1>
          {poll.counts === null ? (
            <Body1 className={styles.muted}>{t('engine.noCounts')}</Body1>
          ) : (
            <ul className={styles.counts} aria-label={t('engine.countsLabel')}>
              {DEVICE_STATES.map((state) => (
                <li key={state}>
                  <Body1>{t(`engine.stateCounts.${state}`, { count: poll.counts?.[state] ?? 0 })}</Body1>
                </li>
              ))}
            </ul>
          )}
          {poll.relistedBecause !== null && <Body1>{t(`engine.relisted.${poll.relistedBecause}`)}</Body1>}
          <PollStateSyncSummary sync={poll.stateSync} />
          <Body1 className={styles.muted}>
            {[
              poll.unsupported === null ? null : t('engine.unsupported', { count: poll.unsupported }),
              poll.synced ? t('engine.synced') : t('engine.notSynced'),
              t('engine.mailsSent', { count: poll.mailsSent }),
              poll.graphRequests === null ? null : t('engine.graphRequests', { count: poll.graphRequests }),
            ]
              .filter((part) => part !== null)
              .join(' · ')}
          </Body1>
          {poll.errors.length > 0 && (
            <>
              <Text id={errorsId} className={styles.error} weight="semibold">
                {t('engine.errorsTitle', { count: poll.errors.length })}
              </Text>
              <ul className={styles.list} aria-labelledby={errorsId}>
                {poll.errors.map((error, index) => (
                  <li key={index}>
                    <Body1>{t('engine.error', { step: isPhase(error.step) ? t(`engine.steps.${error.step}`) : error.step, message: translated(error) })}</Body1>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
