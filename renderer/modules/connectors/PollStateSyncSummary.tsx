import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PollResultView } from '../../../shared/ipc';
import { StateSyncOffWarning } from './StateSyncOffWarning';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What the poll sent to Intune: device status and threat status each, as switched on, and which switch is off. */
export function PollStateSyncSummary({ sync }: { sync: PollResultView['stateSync'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const lines: string[] = [];
  if (sync.mode === null) lines.push(t('heartbeat.notDue'));
  else if (sync.mode === 'reportOnly') lines.push(t('heartbeat.reportOnly', { count: sync.drift ?? 0 }));
  else {
    if (sync.deviceStatus) lines.push(t('heartbeat.deviceStatusSent', { count: sync.sent }));
    if (sync.threatStatus) lines.push(t('heartbeat.threatStatusSent', { count: sync.sent }));
    if (sync.unknownDevices > 0) lines.push(t('heartbeat.unknownDevices', { count: sync.unknownDevices }));
  }
  return (
    <>
      {lines.length > 0 && (
        <ul className={styles.list} aria-label={t('heartbeat.stateSyncLabel')}>
          {lines.map((line) => (
            <li key={line}>
              <Body1 className={sync.mode === null ? styles.muted : undefined}>{line}</Body1>
            </li>
          ))}
        </ul>
      )}
      <StateSyncOffWarning switches={sync} />
    </>
  );
}
