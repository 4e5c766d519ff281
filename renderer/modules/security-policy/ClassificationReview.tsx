import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupMark } from '../../../shared/domain/setup-checklist';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { failureOf } from '../../forms/errors';
import { formatDateTime } from '../../forms/format';
import { useLoad } from '../../forms/use-load';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

// Its own key: the same channel as the checklist, but another answer (the one step's mark).
const REVIEWED_KEY = ['setup.checklist', 'classificationsReviewed'] as const;

/** A Full admin confirms the levels were reviewed: the "classifications reviewed" step of What to do next, with who and when. */
export function ClassificationReview() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const load = useCallback(async () => {
    const { steps } = await api['setup.checklist']();
    const step = steps.find((candidate) => candidate.id === 'classificationsReviewed');
    const { by, at } = step?.params ?? {};
    return typeof by === 'string' && typeof at === 'string' ? { by, at } : null;
  }, [api]);
  const { state, replace } = useLoad<SetupMark | null>(REVIEWED_KEY, load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [marked, setMarked] = useState(false);
  const mark = async () => {
    setBusy(true);
    setError(null);
    try {
      replace((await api['classifications.markReviewed']()).reviewed);
      setMarked(true);
    } catch (failure) {
      setError(failureOf(failure).message ?? t('common.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  const last = state.status === 'ready' ? state.value : null;
  return (
    <div className={styles.root}>
      <Button icon={<CheckmarkRegular />} disabled={busy} onClick={() => void mark()}>
        {t('securityPolicy.review.mark')}
      </Button>
      <Body1 className={styles.muted} aria-live="polite">
        {marked && `${t('securityPolicy.review.marked')} `}
        {state.status === 'ready' && (last ? t('securityPolicy.review.last', { by: last.by, at: formatDateTime(last.at, i18n.language) }) : t('securityPolicy.review.never'))}
      </Body1>
      <ErrorAlert message={error} />
    </div>
  );
}
