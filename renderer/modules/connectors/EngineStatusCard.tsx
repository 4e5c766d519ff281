import { Button, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, PauseRegular, PlayRegular, SearchRegular } from '@fluentui/react-icons';
import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatusView } from '../../../shared/ipc';
import { useCardStyles } from '../../forms/card-styles';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { EngineProgress } from '../../engine/EngineProgress';
import { LastPollSummary } from './LastPollSummary';
import { useEngineStatus, type EngineAction } from '../../engine/use-engine-status';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  title: { margin: 0, flex: 1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The polling engine at a glance, kept live: what it is doing, the last poll, the next one, and poll / stop / start. */
export function EngineStatusCard() {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const titleId = useId();
  const { status, busy, error, run } = useEngineStatus();
  return (
    <section className={card.card} aria-labelledby={titleId}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={titleId} className={styles.title}>
          {t('engine.title')}
        </Subtitle1>
        {status && <EngineActions status={status} busy={busy} onRun={(action) => void run(action)} />}
      </div>
      <ErrorAlert message={error === null ? null : t('engine.actionFailed', { message: error })} />
      {status === null ? (
        !error && <Spinner size="tiny" label={t('app.loading')} />
      ) : (
        <>
          <EngineProgress status={status} />
          <LastPollSummary poll={status.lastPoll} />
        </>
      )}
    </section>
  );
}

function EngineActions({ status, busy, onRun }: { status: EngineStatusView; busy: EngineAction | null; onRun: (action: EngineAction) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const canPoll = busy === null && (status.state === 'idle' || status.state === 'stopped');
  const button = (action: EngineAction, label: string, icon: ReactElement, enabled: boolean, primary = false) => (
    <Button appearance={primary ? 'primary' : 'secondary'} disabledFocusable={!enabled} icon={busy === action ? <Spinner size="tiny" /> : icon} onClick={() => onRun(action)}>
      {label}
    </Button>
  );
  return (
    <div className={styles.actions} role="group" aria-label={t('engine.actionsLabel')}>
      {button('pollNow', t('engine.pollNow'), <ArrowSyncRegular />, canPoll, true)}
      {button('fullPoll', t('engine.fullPoll'), <SearchRegular />, canPoll)}
      {status.state === 'stopped'
        ? button('start', t('engine.start'), <PlayRegular />, busy === null)
        : button('stop', t('engine.stop'), <PauseRegular />, busy === null && status.state !== 'notConfigured')}
    </div>
  );
}
