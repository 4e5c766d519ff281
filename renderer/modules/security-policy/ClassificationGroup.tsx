import {
  Badge,
  makeStyles,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type RiskLevel, type ThreatType } from '../../../shared/domain/threat-classifications';
import type { ClassificationRow } from '../../../shared/ipc';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  table: { tableLayout: 'fixed' },
  nameColumn: { width: '45%' },
  levelColumn: { width: '160px' },
  countColumn: { width: '120px' },
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  changedRow: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  select: { width: '140px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ClassificationGroupProps {
  type: ThreatType;
  rows: readonly ClassificationRow[];
  /** Levels being saved, shown at once (and taken back if the save fails). */
  pending: ReadonlyMap<string, RiskLevel>;
  onLevel: (classification: string, level: RiskLevel) => void;
  /** Levels shown but not editable (the Restricted role). */
  readOnly: boolean;
}

/** One threat type's classifications, each with its risk level; levels that differ from the default are marked. */
export function ClassificationGroup({ type, rows, pending, onLevel, readOnly }: ClassificationGroupProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const title = t(`securityPolicy.types.${type}`);
  return (
    <section className={styles.root} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.title}>
        {title}
      </Subtitle2>
      <Table className={styles.table} aria-labelledby={id} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameColumn}>{t('securityPolicy.classification')}</TableHeaderCell>
            <TableHeaderCell className={styles.levelColumn}>{t('securityPolicy.riskLevel')}</TableHeaderCell>
            <TableHeaderCell>{t('securityPolicy.defaultLevel')}</TableHeaderCell>
            <TableHeaderCell className={styles.countColumn}>{t('securityPolicy.openThreats')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const changed = row.level !== row.defaultLevel;
            return (
              <TableRow key={row.classification} className={changed ? styles.changedRow : undefined}>
                <TableCell>
                  <Text className={styles.name}>{row.classification}</Text>
                </TableCell>
                <TableCell>
                  <Select
                    className={styles.select}
                    size="small"
                    disabled={readOnly}
                    aria-label={t('securityPolicy.levelOf', { classification: row.classification })}
                    value={pending.get(row.classification) ?? row.level}
                    onChange={(_, data) => onLevel(row.classification, data.value as RiskLevel)}
                  >
                    {RISK_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`securityPolicy.levels.${level}`)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Text className={styles.muted}>{t(`securityPolicy.levels.${row.defaultLevel}`)}</Text>{' '}
                  {changed && (
                    <Badge
                      appearance="tint"
                      color="warning"
                      title={t('securityPolicy.changedTitle', { level: t(`securityPolicy.levels.${row.defaultLevel}`) })}
                    >
                      {t('securityPolicy.changed')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <Text aria-label={t('securityPolicy.openThreatsOf', { count: row.openThreats, classification: row.classification })}>{row.openThreats}</Text>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
