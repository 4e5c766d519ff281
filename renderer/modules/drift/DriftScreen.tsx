import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowSyncRegular, CheckmarkCircle24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncNowResultView } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { EmptyState } from '../../app/EmptyState';
import { ConfirmDialog } from '../../forms/ConfirmDialog';
import { messageOf } from '../../forms/errors';
import { useRole } from '../../session/session-context';
import { DriftTable } from './DriftTable';
import { SyncResult } from './SyncResult';
import { LoadFailedBar } from '../../forms/LoadFailedBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  // Reserved so the table does not move when the spinner comes and goes.
  busy: { width: '20px', height: '20px' },
});

/** Drift: the devices where Intune's partner state differs from the console's, and Sync now to report them. */
export function DriftScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const role = useRole();
  const report = useQuery({ queryKey: ['stateSync.drift'], queryFn: () => api['stateSync.drift'](), gcTime: 0, staleTime: 0 });
  const [syncing, setSyncing] = useState(false);
  const [result, setResult] = useState<SyncNowResultView | null>(null);
  const refresh = () => void report.refetch();

  const syncNow = async () => {
    setSyncing(true);
    setResult(null);
    try {
      setResult(await api['stateSync.syncNow']());
    } finally {
      setSyncing(false);
      refresh();
    }
  };

  const view = report.data ?? null;
  const loading = report.isFetching;
  // A refresh clears the failure while it runs.
  const failed = report.isError && !report.isFetching;
  const total = view?.total ?? 0;

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button icon={<ArrowClockwiseRegular />} disabled={syncing} onClick={refresh}>
          {t('drift.refresh')}
        </Button>
        {role === 'full' && view !== null && total > 0 && (
          <ConfirmDialog
            trigger={
              <Button appearance="primary" icon={<ArrowSyncRegular />} disabled={syncing}>
                {t('drift.syncNow')}
              </Button>
            }
            title={view.reportOnly ? t('drift.confirmReportOnlyTitle') : t('drift.confirmTitle')}
            body={view.reportOnly ? t('drift.confirmReportOnlyBody', { count: total }) : t('drift.confirmBody', { count: total })}
            confirmLabel={t('drift.confirm')}
            onConfirm={syncNow}
          />
        )}
        <span className={styles.busy}>{loading && !syncing && <Spinner size="extra-tiny" aria-label={t('app.loading')} />}</span>
      </div>
      {syncing && <Spinner size="small" labelPosition="after" label={t('drift.syncing')} />}
      {result !== null && <SyncResult result={result} />}
      {failed && (
        <LoadFailedBar message={messageOf(report.error)} onRetry={refresh} />
      )}
      {view !== null && !failed && view.reportOnly && total > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('drift.reportOnlyNote')}</MessageBarBody>
        </MessageBar>
      )}
      {view !== null && !failed && total === 0 && <EmptyState icon={CheckmarkCircle24Regular} message={t('modules.drift.empty')} />}
      {view !== null && !failed && total > 0 && (
        <>
          <Body1 aria-live="polite">
            {t('drift.total', { count: total })} {view.rows.length < total && t('drift.shown', { shown: view.rows.length, total })}
          </Body1>
          <DriftTable rows={view.rows} reportOnly={view.reportOnly} />
        </>
      )}
    </div>
  );
}
