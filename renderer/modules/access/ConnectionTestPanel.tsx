import { Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, PlugConnectedCheckmarkRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCheck, ConnectionTest } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { messageOf } from '../../forms/errors';
import { formatDateTime } from '../../forms/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  ok: { color: tokens.colorPaletteGreenForeground1, marginTop: '2px' },
  bad: { color: tokens.colorPaletteRedForeground1, marginTop: '2px' },
  detail: { gridColumn: '2', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** One check in words: what was checked, the call made, and what came of it. */
function useCheckLine() {
  const { t } = useTranslation();
  return (check: ConnectionCheck): string => {
    const what = check.id === 'lookout' ? t('connection.test.lookout') : check.id;
    const status =
      check.status === 'missingScope'
        ? t('connection.test.statuses.missingScope', { scope: check.scope ?? check.id })
        : check.status === 'failed'
          ? t('connection.test.statuses.failed', { detail: check.detail ?? t('common.unexpected') })
          : t(`connection.test.statuses.${check.status}`);
    return t('connection.test.line', { what, call: check.call, status });
  };
}

/** Test connection: each Graph permission and Lookout, tried with the call the console makes, and what is missing named. */
export function ConnectionTestPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const listId = useId();
  const line = useCheckLine();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api['connection.test']());
    } catch (failure) {
      setError(t('connection.test.failed', { message: messageOf(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const passed = result?.checks.filter((check) => check.status === 'ok').length ?? 0;
  return (
    <div className={styles.root}>
      <Button icon={busy ? <Spinner size="tiny" /> : <PlugConnectedCheckmarkRegular />} disabled={busy} onClick={() => void run()}>
        {t('connection.test.run')}
      </Button>
      <div aria-live="polite">
        {busy && <Spinner size="small" labelPosition="after" label={t('connection.test.running')} />}
        {!busy && result !== null && (
          <Text id={listId} weight="semibold">
            {t('connection.test.summary', { time: formatDateTime(result.checkedAt, i18n.language), passed, count: result.checks.length })}
          </Text>
        )}
      </div>
      {!busy && result !== null && (
        <ul className={styles.list} aria-labelledby={listId}>
          {result.checks.map((check) => (
            <li key={`${check.id}:${check.call}`} className={styles.item}>
              {check.status === 'ok' ? <CheckmarkCircleRegular aria-hidden className={styles.ok} /> : <ErrorCircleRegular aria-hidden className={styles.bad} />}
              <Text>{line(check)}</Text>
              {check.status !== 'ok' && check.status !== 'failed' && check.detail !== null && <Caption1 className={styles.detail}>{check.detail}</Caption1>}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}
