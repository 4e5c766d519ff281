import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, ChevronLeftRegular, ChevronRightRegular, History24Regular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { EmptyState } from '../../app/EmptyState';
import { messageOf } from '../../forms/errors';
import { filterOf, isFiltered, NO_FILTER, type FilterDraft } from './audit-format';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { downloadText } from '../../forms/download';
import { LoadFailedBar } from '../../forms/LoadFailedBar';

export const PAGE_SIZE = 25;
const ACTOR_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  spacer: { flex: 1 },
  // Reserved so the table does not move when the spinner or a message comes and goes.
  busy: { width: '20px', height: '20px' },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

/** Audit log: every sign-in, consent and configuration change, filtered, paged and exported as CSV. */
export function AuditLogScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const [draft, setDraft] = useState<FilterDraft>(NO_FILTER);
  // The actor filter follows typing after a pause; the other filters apply at once.
  const [actor, setActor] = useState('');
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setActor(draft.actor), ACTOR_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft.actor]);

  const filter = useMemo(() => filterOf({ action: draft.action, actor, from: draft.from, to: draft.to }), [draft.action, draft.from, draft.to, actor]);
  const list = useQuery({
    queryKey: ['audit.list', filter, offset],
    queryFn: () => api['audit.list']({ ...filter, offset, limit: PAGE_SIZE }),
    gcTime: 0,
    staleTime: 0,
    // The last page stays on screen while the next one comes.
    placeholderData: keepPreviousData,
  });
  const page = list.data ?? null;
  const refresh = () => void list.refetch();

  const changeFilter = (next: FilterDraft) => {
    setDraft(next);
    setOffset(0);
    if (next.actor === '') setActor('');
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { filename, csv } = await api['audit.exportCsv'](filter);
      downloadText(filename, csv, 'text/csv;charset=utf-8');
    } catch (failure) {
      setExportError(messageOf(failure));
    } finally {
      setExporting(false);
    }
  };

  const loading = list.isFetching;
  const failed = list.isError && !list.isFetching;
  const first = page && page.total > 0 ? offset + 1 : 0;
  const last = page ? offset + page.entries.length : 0;

  return (
    <div className={styles.root}>
      <AuditFilters draft={draft} onChange={changeFilter} />
      <div className={styles.toolbar}>
        <Button icon={<ArrowClockwiseRegular />} onClick={refresh}>
          {t('auditLog.refresh')}
        </Button>
        <Button icon={exporting ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={exporting} onClick={() => void exportCsv()}>
          {t('auditLog.exportCsv')}
        </Button>
        <span className={styles.busy}>{loading && <Spinner size="extra-tiny" aria-label={t('app.loading')} />}</span>
        <span className={styles.spacer} />
        {page && page.total > 0 && (
          <div className={styles.pager}>
            <Body1 aria-live="polite">{t('auditLog.range', { first, last, total: page.total })}</Body1>
            <Button
              appearance="subtle"
              icon={<ChevronLeftRegular />}
              aria-label={t('auditLog.previous')}
              disabled={offset === 0}
              onClick={() => setOffset((current) => Math.max(0, current - PAGE_SIZE))}
            />
            <Button
              appearance="subtle"
              icon={<ChevronRightRegular />}
              aria-label={t('auditLog.next')}
              disabled={last >= page.total}
              onClick={() => setOffset((current) => current + PAGE_SIZE)}
            />
          </div>
        )}
      </div>
      {exportError !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{exportError}</MessageBarBody>
        </MessageBar>
      )}
      {failed && (
        <LoadFailedBar message={messageOf(list.error)} onRetry={refresh} />
      )}
      {page && page.total === 0 && !failed && (
        <EmptyState icon={History24Regular} message={isFiltered(draft) ? t('auditLog.noMatch') : t('modules.auditLog.empty')} />
      )}
      {page && page.entries.length > 0 && <AuditTable entries={page.entries} />}
    </div>
  );
}
