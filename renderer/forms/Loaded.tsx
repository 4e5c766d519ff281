import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailedBar } from './LoadFailedBar';
import type { Loadable } from './use-load';

const useStyles = makeStyles({
  // The same height as a short form, so the page does not jump when the content arrives.
  loading: { minHeight: '240px', display: 'flex', alignItems: 'flex-start', paddingTop: tokens.spacingVerticalXXL },
});

/** A spinner while loading, the reason and a retry when loading failed, else the content. */
export function Loaded<T>({ state, reload, children }: { state: Loadable<T>; reload: () => void; children: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (state.status === 'loading') {
    return (
      <div className={styles.loading}>
        <Spinner size="small" label={t('app.loading')} />
      </div>
    );
  }
  if (state.status === 'failed') {
    return <LoadFailedBar message={state.message} onRetry={reload} />;
  }
  return <>{children(state.value)}</>;
}
