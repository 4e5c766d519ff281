import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/ipc';
import { formatDateTime } from '../../forms/format';
import { fieldLabel } from './audit-field-labels';
import { ACTION_LABELS, formatValue } from './audit-format';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed' },
  when: { width: '170px' },
  who: { width: '200px' },
  action: { width: '170px' },
  target: { width: '160px' },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  field: { fontFamily: tokens.fontFamilyMonospace },
});

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const none = t('auditLog.none');
  return (
    <Table className={styles.table} aria-label={t('auditLog.table')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.when}>{t('auditLog.when')}</TableHeaderCell>
          <TableHeaderCell className={styles.who}>{t('auditLog.who')}</TableHeaderCell>
          <TableHeaderCell className={styles.action}>{t('auditLog.action')}</TableHeaderCell>
          <TableHeaderCell className={styles.target}>{t('auditLog.target')}</TableHeaderCell>
          <TableHeaderCell>{t('auditLog.changes')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell className={styles.cell}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
            </TableCell>
            <TableCell className={styles.cell}>
              {entry.actor}
              {entry.actorUpn !== undefined && entry.actorUpn !== entry.actor && <div>{entry.actorUpn}</div>}
            </TableCell>
            <TableCell className={styles.cell}>
              {t(ACTION_LABELS[entry.action])}{' '}
              {entry.outcome === 'denied' && (
                <Badge appearance="tint" color="danger">
                  {t('auditLog.denied')}
                </Badge>
              )}
            </TableCell>
            <TableCell className={styles.cell}>{entry.target}</TableCell>
            <TableCell className={styles.cell}>
              {entry.changes.length > 0 && (
                <ul className={styles.changes}>
                  {entry.changes.map((change, index) => (
                    <li key={`${index}:${change.field}`}>
                      <FieldName field={change.field} className={styles.field} />:{' '}
                      {t('auditLog.beforeAfter', { before: formatValue(change.before, none), after: formatValue(change.after, none) })}
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The screen's label of a changed field; a field no screen labels keeps its recorded name. */
function FieldName({ field, className }: { field: string; className: string }) {
  const { t } = useTranslation();
  const label = fieldLabel(field);
  if (label === null) return <Text className={className}>{field}</Text>;
  return <Text weight="semibold">{'name' in label ? t(label.key, { name: label.name }) : t(label.key)}</Text>;
}
