import { Badge, Body1, makeStyles, Subtitle1, Subtitle2, tokens, typographyStyles, type BadgeProps } from '@fluentui/react-components';
import { Fragment, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_CHECK_STATUSES, type Dashboard, type EngineStatusView } from '../../../shared/ipc';
import { EngineProgress } from '../../engine/EngineProgress';
import { translated } from '../../forms/errors';
import { formatMoment } from '../../forms/format';
import { useCardStyles } from '../../forms/card-styles';
import { StateSyncOffWarning } from '../connectors/StateSyncOffWarning';
import { HeartbeatChart } from './HeartbeatChart';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3 },
  value: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  groups: { margin: 0, padding: 0, listStyle: 'none' },
  error: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const PARTNER_STATES = ['available', 'enabled', 'unavailable', 'unresponsive', 'notSetUp', 'error', 'unknown'] as const;
type PartnerState = (typeof PARTNER_STATES)[number];
const isPartnerState = (value: string): value is PartnerState => (PARTNER_STATES as readonly string[]).includes(value);
const PARTNER_COLORS: Record<PartnerState, NonNullable<BadgeProps['color']>> = {
  available: 'informative',
  enabled: 'success',
  unavailable: 'warning',
  unresponsive: 'danger',
  notSetUp: 'subtle',
  error: 'danger',
  unknown: 'subtle',
};

/**
 * The connector seen from Intune and from the engine: the last heartbeat, Intune's partner state,
 * the hours until Intune would call the connector unresponsive, the heartbeats of the last
 * 30 days, whether a state sync switch is off, the poll in progress (or the next
 * one), and the last sync errors.
 */
export function ConnectorHealthCard({
  health,
  groups,
  asOf,
  status,
  stateSync = null,
}: {
  health: Dashboard['health'] | null;
  groups: Dashboard['enrollmentGroups'];
  asOf: number | null;
  status: EngineStatusView;
  stateSync?: Dashboard['stateSync'];
}) {
  const { t, i18n } = useTranslation();
  const card = useCardStyles();
  const styles = useStyles();
  const titleId = useId();
  const errorsId = useId();
  const language = i18n.language;
  const unknown = t('dashboard.health.unknown');

  const facts: [string, ReactNode][] = health
    ? [
        [t('dashboard.health.lastHeartbeat'), health.lastHeartbeatAt === null ? t('dashboard.health.never') : formatMoment(health.lastHeartbeatAt, language)],
        [t('dashboard.health.partnerState'), health.partnerState === null ? unknown : <PartnerStateBadge state={health.partnerState} />],
        [t('dashboard.health.unresponsiveIn'), <HoursLeft key="hours" health={health} />],
        [t('heartbeat.lastAttempt'), <LastAttempt key="attempt" attempt={health.heartbeats.lastAttempt} />],
        [t('dashboard.health.enrollmentGroups'), <EnrollmentGroups key="groups" groups={groups} />],
      ]
    : [];
  return (
    <section className={card.card} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={card.title}>
        {t('dashboard.health.title')}
      </Subtitle1>
      {asOf !== null && <Body1 className={styles.muted}>{t('dashboard.asOf', { time: formatMoment(asOf, language) })}</Body1>}
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map(([term, value]) => (
            <Fragment key={term}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {stateSync && <StateSyncOffWarning switches={stateSync} />}
      {health && <HeartbeatChart days={health.heartbeats.days} />}
      <EngineProgress status={status} />
      {health && (
        <>
          <Subtitle2 as="h3" id={errorsId} className={card.title}>
            {t('dashboard.health.lastErrors')}
          </Subtitle2>
          {health.lastErrors.length === 0 ? (
            <Body1 className={styles.muted}>{t('dashboard.health.noErrors')}</Body1>
          ) : (
            <ul className={styles.errors} aria-labelledby={errorsId}>
              {health.lastErrors.map((error, index) => (
                <li key={`${error.at}:${index}`}>
                  <Body1 className={styles.error}>
                    {t('dashboard.health.error', { time: formatMoment(error.at, language), step: t(`engine.steps.${error.step}`, { defaultValue: error.step }), message: translated(error) })}
                  </Body1>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function PartnerStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  if (!isPartnerState(state)) return <>{state}</>;
  return (
    <Badge appearance="tint" color={PARTNER_COLORS[state]}>
      {t(`dashboard.health.partnerStates.${state}`)}
    </Badge>
  );
}

function HoursLeft({ health }: { health: Dashboard['health'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { hoursLeft, warning } = health.heartbeats;
  if (hoursLeft === null || health.unresponsiveAfterDays === null) return <>{t('dashboard.health.unknown')}</>;
  const after = health.unresponsiveAfterDays;
  if (warning === 'overdue') return <span className={styles.error}>{t('heartbeat.overdue', { after })}</span>;
  if (warning === 'soon') return <span className={styles.warning}>{t('heartbeat.soon', { count: hoursLeft, after })}</span>;
  return <>{t('heartbeat.hoursLeft', { count: hoursLeft, after })}</>;
}

function LastAttempt({ attempt }: { attempt: Dashboard['health']['heartbeats']['lastAttempt'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  if (attempt === null) return <>{t('dashboard.health.never')}</>;
  const time = formatMoment(attempt.at, i18n.language);
  return attempt.outcome === 'ok' ? <>{t('heartbeat.attemptOk', { time })}</> : <span className={styles.error}>{t('heartbeat.attemptFailed', { time })}</span>;
}

const isGroupStatus = (value: string): value is (typeof GROUP_CHECK_STATUSES)[number] => (GROUP_CHECK_STATUSES as readonly string[]).includes(value);

function EnrollmentGroups({ groups }: { groups: Dashboard['enrollmentGroups'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (groups.length === 0) return <>{t('dashboard.health.noGroups')}</>;
  return (
    <ul className={styles.groups}>
      {groups.map((group) => (
        <li key={group.name} className={group.status === 'ok' ? undefined : styles.warning}>
          {t('dashboard.health.groupStatus', {
            name: group.name,
            status: isGroupStatus(group.status) ? t(`dashboard.health.groupStatuses.${group.status}`) : group.status,
          })}
        </li>
      ))}
    </ul>
  );
}
