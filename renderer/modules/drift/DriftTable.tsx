import { Badge, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DriftReportView } from '../../../shared/ipc';
import { formatShortMoment } from '../../forms/format';
import { partnerStateWords } from './partner-state-words';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed' },
  device: { width: '220px' },
  state: { width: '150px' },
  when: { width: '150px' },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  user: { color: tokens.colorNeutralForeground3 },
});

/** The devices in drift: Intune's state, the console's, why, and when the console last reported. */
export function DriftTable({ rows, reportOnly }: { rows: DriftReportView['rows']; reportOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  return (
    <Table className={styles.table} aria-label={t('drift.table')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.device}>{t('drift.device')}</TableHeaderCell>
          <TableHeaderCell className={styles.state}>{t('drift.intune')}</TableHeaderCell>
          <TableHeaderCell className={styles.state}>{t('drift.console')}</TableHeaderCell>
          <TableHeaderCell>{t('drift.reason')}</TableHeaderCell>
          <TableHeaderCell className={styles.when}>{t('drift.lastReported')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.deviceId}>
            <TableCell className={styles.cell}>
              <Link href={`#/devices/${encodeURIComponent(row.deviceId)}`}>{row.deviceName ?? t('drift.unnamed', { id: row.deviceId })}</Link>
              {row.userPrincipalName !== null && <div className={styles.user}>{row.userPrincipalName}</div>}
            </TableCell>
            <TableCell className={styles.cell}>{row.intune === null ? t('drift.noState') : partnerStateWords(t, row.intune)}</TableCell>
            <TableCell className={styles.cell}>{partnerStateWords(t, row.console)}</TableCell>
            <TableCell className={styles.cell}>
              {t(`drift.reasons.${row.reason}`)}{' '}
              {reportOnly && (
                <Badge appearance="tint" color="warning">
                  {t('drift.reportOnlyBadge')}
                </Badge>
              )}
            </TableCell>
            <TableCell className={styles.cell}>
              {row.reportedAt === null ? t('drift.neverReported') : <time dateTime={new Date(row.reportedAt).toISOString()}>{formatShortMoment(row.reportedAt, i18n.language)}</time>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
