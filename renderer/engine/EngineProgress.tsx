import { Body1, Field, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EngineStatusView } from '../../shared/ipc';
import { formatIn } from '../forms/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  state: { fontWeight: tokens.fontWeightSemibold },
  // The bar and the next poll's time take turns in the same room, so the card does not jump at each poll.
  bar: { minHeight: '44px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * What the engine is doing, in words, in a polite live region (state and phase only: the
 * counts change too often to be read out); a progress bar while it polls, else the next poll's time.
 */
export function EngineProgress({ status }: { status: EngineStatusView }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { state, phase, progress } = status;
  const polling = state === 'polling';
  // The next poll is a real moment while the dashboard's facts are in the tenant's (demo) time, so it is told as a countdown.
  const now = useNow(status.nextPollAt !== null);
  return (
    <div className={styles.root}>
      <div>
        {/* Only the state is announced: the phases change a few times a second and would drown a screen reader. */}
        <span role="status" aria-live="polite" aria-atomic="true">
          <Text className={styles.state}>{t(`engine.states.${state}`)}</Text>
        </span>{' '}
        {polling && phase !== null && <Body1>{t(`engine.phases.${phase}`)}</Body1>}
      </div>
      <div className={styles.bar}>
        {polling ? (
          <Field label={t('engine.progressLabel')} hint={progressText(t, progress)}>
            {/* No value is an indeterminate bar: the step does not know how much there is. */}
            <ProgressBar {...(progress?.total ? { value: Math.min(progress.done / progress.total, 1) } : {})} />
          </Field>
        ) : (
          <Body1 className={styles.muted}>
            {status.nextPollAt === null ? t('engine.noNextPoll') : t('engine.nextPoll', { time: formatIn(status.nextPollAt, now, i18n.language) })}
          </Body1>
        )}
      </div>
    </div>
  );
}

/** The real time, every 5 s while `ticking`; taken afresh whenever ticking starts. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const update = (): void => setNow(Date.now());
    const first = window.setTimeout(update, 0);
    const timer = window.setInterval(update, 5000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [ticking]);
  return now;
}

function progressText(t: TFunction, progress: EngineStatusView['progress']): string {
  if (progress === null) return t('engine.progressStarting');
  if (progress.total === null) return t('engine.progressDone', { done: progress.done });
  return t('engine.progressCount', { done: progress.done, total: progress.total });
}
