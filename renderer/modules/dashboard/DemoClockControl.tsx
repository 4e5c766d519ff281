import { Body1, Button, Caption1, Field, makeStyles, Radio, RadioGroup, Spinner, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { FastForwardRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { formatCount, formatMoment } from '../../forms/format';
import { useCardStyles } from '../../forms/card-styles';
import { useDemoClock, type DemoClockReading } from './use-demo-clock';

const useStyles = makeStyles({
  now: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const PRESETS = [
  { key: 'real', speed: 1 },
  { key: 'hour', speed: 3_600 },
  { key: 'day', speed: 86_400 },
  { key: 'paused', speed: 0 },
] as const;

const CHOICE_SETTLE_MS = 400;

const ADVANCES = [
  { key: 'advanceHour', hours: 1 },
  { key: 'advanceDay', hours: 24 },
  { key: 'advanceWeek', hours: 24 * 7 },
] as const;

/**
 * Demo mode only: the demo tenant's time, running at a chosen speed (real time, an hour or a day
 * per second, paused) or advanced by a step, so the admin can watch devices go from pending to
 * active to disconnected. Changing it needs full access; others see the time.
 */
export function DemoClockControl({ canChange }: { canChange: boolean }) {
  const { t, i18n } = useTranslation();
  const card = useCardStyles();
  const styles = useStyles();
  const titleId = useId();
  const { reading, loadError, actionError, busy, run } = useDemoClock();
  // Arrow keys walk the radios one by one: the speed is applied once the choice rests, not at each radio passed.
  const [choice, setChoice] = useState<number | null>(null);
  useEffect(() => {
    if (choice === null) return;
    const timer = window.setTimeout(() => {
      setChoice(null);
      void run({ kind: 'speed', speed: choice });
    }, CHOICE_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [choice, run]);

  if (reading === null) return <ErrorAlert message={loadError === null ? null : t('demoClock.loadFailed', { message: loadError })} />;
  if (reading.view.mode !== 'demo') return null;
  // The chosen speed shows at once; the clock's answer confirms it.
  const speed = choice ?? (busy?.kind === 'speed' ? busy.speed : reading.view.speed);
  const preset = PRESETS.find((candidate) => candidate.speed === speed);
  return (
    <section className={card.card} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={card.title}>
        {t('demoClock.title')}
      </Subtitle1>
      <DemoTime reading={reading} />
      <Field label={t('demoClock.speed')} hint={preset ? null : t('demoClock.custom', { speed: formatCount(speed, i18n.language) })}>
        <RadioGroup
          value={preset?.key ?? ''}
          disabled={!canChange}
          onChange={(_, data) => {
            const chosen = PRESETS.find((candidate) => candidate.key === data.value);
            if (chosen) setChoice(chosen.speed);
          }}
        >
          {PRESETS.map((candidate) => (
            <Radio key={candidate.key} value={candidate.key} label={t(`demoClock.presets.${candidate.key}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions} role="group" aria-label={t('demoClock.advance')}>
        {ADVANCES.map(({ key, hours }) => (
          <Button
            key={key}
            icon={busy?.kind === 'advance' && busy.hours === hours ? <Spinner size="tiny" /> : <FastForwardRegular />}
            disabledFocusable={!canChange || busy !== null || choice !== null}
            onClick={() => void run({ kind: 'advance', hours })}
          >
            {t(`demoClock.${key}`)}
          </Button>
        ))}
      </div>
      <Caption1 className={styles.muted}>{canChange ? t('demoClock.hint') : t('demoClock.readOnly')}</Caption1>
      <ErrorAlert message={actionError === null ? null : t('demoClock.failed', { message: actionError })} />
    </section>
  );
}

/** The demo time, running on between reads at the clock's speed (each second on screen, not announced). */
function DemoTime({ reading }: { reading: DemoClockReading }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [realNow, setRealNow] = useState(reading.readAt);
  const running = reading.view.speed > 0;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setRealNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [running]);
  const demoNow = reading.view.now + Math.max(0, realNow - reading.readAt) * reading.view.speed;
  return (
    <Body1>
      <Text className={styles.now}>{t('demoClock.now', { time: formatMoment(demoNow, i18n.language) })}</Text>
      {' · '}
      {reading.view.speed === 0 ? t('demoClock.paused') : t('demoClock.speedValue', { speed: formatCount(reading.view.speed, i18n.language) })}
    </Body1>
  );
}
