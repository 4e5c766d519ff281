import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useEngineStatus } from '../engine/use-engine-status';
import { formatMoment } from '../forms/format';

/** The earlier of the two: offline since the session's role check or since the engine's last answer. */
function earliest(sessionSince: string | null, engineSince: number | null): number | null {
  const session = sessionSince === null ? null : Date.parse(sessionSince);
  const candidates = [session, engineSince].filter((ms): ms is number => ms !== null && Number.isFinite(ms));
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** The tenant cannot be reached: the screens show the last known inventory, and say so. */
export function OfflineBanner({ sessionOfflineSince }: { sessionOfflineSince: string | null }) {
  const { t, i18n } = useTranslation();
  const { status } = useEngineStatus();
  const since = earliest(sessionOfflineSince, status?.offlineSince ?? null);
  if (since === null) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{t('status.offline', { time: formatMoment(since, i18n.language) })}</MessageBarBody>
    </MessageBar>
  );
}
