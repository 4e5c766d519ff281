import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../forms/format';

const useStyles = makeStyles({
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** "State sync is off: <switch>", naming each switch that is off as the State sync tab does; nothing while both are on. */
export function StateSyncOffWarning({ switches }: { switches: { deviceStatus: boolean; threatStatus: boolean } }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const off = [switches.deviceStatus ? null : t('connectors.deviceStatus'), switches.threatStatus ? null : t('connectors.threatStatus')].filter((name) => name !== null);
  if (off.length === 0) return null;
  return (
    <Body1 role="status" className={styles.warning}>
      {t('heartbeat.stateSyncOff', { switches: formatList(off, i18n.language) })}
    </Body1>
  );
}
