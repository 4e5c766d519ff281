import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncNowResultView } from '../../../shared/ipc';
import { translated } from '../../forms/errors';

/** What Sync now did: how many devices were reported, what failed, in words, and the drift left. */
export function SyncResult({ result }: { result: SyncNowResultView }) {
  const { t } = useTranslation();
  const problems = [
    ...(result.unknownDevices > 0 ? [t('drift.unknownDevices', { count: result.unknownDevices })] : []),
    ...(result.failedBatches > 0 ? [t('drift.failedBatches', { count: result.failedBatches })] : []),
    ...result.errors.map((error) => translated(error)),
  ];
  const done = result.mode === 'sync' ? t('drift.reported', { count: result.reported }) : t('drift.reportOnlyDone');
  const left = result.drift.total > 0 ? t('drift.left', { count: result.drift.total }) : t('drift.noneLeft');
  return (
    <MessageBar intent={problems.length > 0 ? 'warning' : 'success'} role="status">
      <MessageBarBody>{[done, ...problems, left].join(' ')}</MessageBarBody>
    </MessageBar>
  );
}
