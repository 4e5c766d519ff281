import { Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { Fragment, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDetail } from '../../../shared/ipc';
import { formatList, formatMoment } from '../../forms/format';
import { intuneStateLine, reportedStateLine } from '../drift/partner-state-words';
import { ComplianceBadge, StateBadge, ThreatLevelBadge } from './DeviceBadges';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  list: { display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** What the console knows of the device, as term and value pairs. */
export function DeviceProperties({ device }: { device: DeviceDetail['device'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const none = t('inventory.none');
  const moment = (ms: number | null) => (ms === null ? none : formatMoment(ms, i18n.language));
  const entries: [string, ReactNode][] = [
    [t('devices.detail.user'), device.userPrincipalName ?? none],
    [t('devices.detail.platform'), device.platform ?? none],
    [t('devices.detail.osVersion'), device.osVersion ?? none],
    [t('devices.detail.state'), <StateBadge key="state" state={device.state} />],
    [t('devices.detail.stateSince'), moment(device.stateSince)],
    ...(device.stateReason ? [[t('devices.detail.reason'), t(`inventory.reasons.${device.stateReason}`)] as [string, ReactNode]] : []),
    [t('devices.detail.threatLevel'), <ThreatLevelBadge key="level" level={device.threatLevel} state={device.state} />],
    [t('devices.detail.compliance'), <ComplianceBadge key="compliance" compliance={device.compliance} />],
    [t('devices.detail.lastCheckin'), moment(device.lastCheckinAt)],
    [t('devices.detail.lastSync'), moment(device.lastSyncAt)],
    [t('devices.detail.enrollmentGroups'), device.enrollmentGroups.length > 0 ? formatList(device.enrollmentGroups, i18n.language) : none],
    [t('devices.detail.deviceId'), device.id],
    [t('devices.detail.mtdDeviceId'), device.mtdDeviceId ?? none],
    [t('devices.detail.activation'), device.activation ?? none],
    [t('devices.detail.reportedState'), reportedStateLine(t, i18n.language, device)],
    [t('devices.detail.intunePartnerState'), intuneStateLine(t, i18n.language, device)],
  ];
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {t('devices.detail.properties')}
      </Subtitle2>
      <dl className={styles.list}>
        {entries.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={styles.term}>
              <Body1>{term}</Body1>
            </dt>
            <dd className={styles.value}>
              <Body1>{value}</Body1>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
