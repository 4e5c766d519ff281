import { Spinner } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatusView } from '../../shared/ipc';
import { EmptyState } from '../app/EmptyState';
import { ErrorAlert } from '../forms/ErrorAlert';
import { useEngineStatus } from './use-engine-status';

/** What the engine's screens show before their content: a spinner, why the status could not be read, or the empty state while no connector is set up. */
export function EngineGate({ icon, empty, children }: { icon: FluentIcon; empty: string; children: (status: EngineStatusView) => ReactNode }) {
  const { t } = useTranslation();
  const { status, error } = useEngineStatus();
  if (status === null)
    return error === null ? <Spinner size="small" label={t('app.loading')} /> : <ErrorAlert message={t('common.loadFailed', { message: error })} />;
  if (status.state === 'notConfigured') return <EmptyState icon={icon} message={empty} />;
  return <>{children(status)}</>;
}
