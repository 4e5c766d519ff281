import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { Board24Regular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatusView } from '../../../shared/ipc';
import { EmptyState } from '../../app/EmptyState';
import { EngineGate } from '../../engine/EngineGate';
import { useRole } from '../../session/session-context';
import { ComplianceChart } from './ComplianceChart';
import { ConnectorHealthCard } from './ConnectorHealthCard';
import { DemoClockControl } from './DemoClockControl';
import { StateChart } from './StateChart';
import { ThreatLevelChart } from './ThreatLevelChart';
import { TrendChart } from './TrendChart';
import { useDashboard } from './use-dashboard';
import { SetupProgressCard } from '../setup/SetupProgressCard';
import { LoadFailedBar } from '../../forms/LoadFailedBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  loading: { minHeight: '240px' },
});

/** Dashboard: device counts by state, their trend, threat levels, compliance and the connector's health, live as the engine polls. */
export function DashboardScreen() {
  return (
    <>
      <SetupProgressCard />
      <DashboardBody />
    </>
  );
}

function DashboardBody() {
  const { t } = useTranslation();
  return (
    <EngineGate icon={Board24Regular} empty={t('modules.dashboard.empty')}>
      {(status) => <DashboardContent status={status} />}
    </EngineGate>
  );
}

function DashboardContent({ status }: { status: EngineStatusView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const role = useRole();
  const { state, retry } = useDashboard(status.state === 'polling');
  const dashboard = state.status === 'ready' ? state.dashboard : null;
  const drawn = dashboard !== null && dashboard.asOf !== null;
  useEffect(() => {
    // Once per visit, after the charts' first paint: what the bench times from page load.
    if (drawn) requestAnimationFrame(() => performance.mark('dashboard:charts-drawn'));
  }, [drawn]);

  return (
    <div className={styles.root}>
      {state.status === 'failed' && (
        <LoadFailedBar message={state.message} onRetry={retry} />
      )}
      {state.status === 'ready' && state.refreshError !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('dashboard.refreshFailed', { message: state.refreshError })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <ConnectorHealthCard health={dashboard?.health ?? null} groups={dashboard?.enrollmentGroups ?? []} asOf={dashboard?.asOf ?? null} status={status} stateSync={dashboard?.stateSync ?? null} />
        <DemoClockControl canChange={role === 'full'} />
      </div>
      {state.status === 'loading' && <Spinner className={styles.loading} size="small" label={t('app.loading')} />}
      {dashboard !== null &&
        (dashboard.asOf === null ? (
          <EmptyState icon={Board24Regular} message={t('dashboard.firstPoll')} />
        ) : (
          <div className={styles.grid}>
            <StateChart dashboard={dashboard} />
            <TrendChart trend={dashboard.trend} />
            <ThreatLevelChart dashboard={dashboard} />
            <ComplianceChart dashboard={dashboard} />
          </div>
        ))}
    </div>
  );
}
