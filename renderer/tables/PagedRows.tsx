// What a paged list shows around its table: how many rows match (said to screen readers as it
// changes), a failed page's bar with Try again, and the empty state where nothing matches.
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { EmptyState } from '../app/EmptyState';
import { LoadFailedBar } from '../forms/LoadFailedBar';
import type { RowPages } from './use-row-pages';

const useStyles = makeStyles({
  total: { fontWeight: tokens.fontWeightSemibold, minHeight: '20px' },
});

/** "1,204 devices", or the loading words until the first page answers. */
export function RowsTotal({ total, loading, counted }: { total: number | null; loading: string; counted: (count: number) => string }) {
  const styles = useStyles();
  return (
    <Body1 className={styles.total} role="status" aria-live="polite">
      {total === null ? loading : counted(total)}
    </Body1>
  );
}

/** The table (children), or the empty state once the list has no rows; a failed page above either. */
export function PagedRows({ pages, emptyIcon, emptyMessage, children }: { pages: Pick<RowPages<unknown>, 'total' | 'error' | 'retry'>; emptyIcon: FluentIcon; emptyMessage: string; children: ReactNode }) {
  return (
    <>
      {pages.error !== null && <LoadFailedBar message={pages.error} onRetry={pages.retry} />}
      {pages.total === 0 ? <EmptyState icon={emptyIcon} message={emptyMessage} /> : children}
    </>
  );
}
