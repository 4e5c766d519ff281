import { Badge } from '@fluentui/react-components';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../shared/domain/threat-classifications';
import type { ThreatRow, ThreatSortColumn } from '../../../shared/ipc';
import { formatMoment, formatShortMoment } from '../../forms/format';
import { CellPlaceholder } from '../../tables/CellPlaceholder';
import type { WindowRow } from '../../tables/VirtualGrid';

const helper = createColumnHelper<WindowRow<ThreatRow>>();
type ThreatColumn = ColumnDef<WindowRow<ThreatRow>, unknown>;

const LEVEL_COLORS = { None: 'informative', Low: 'success', Medium: 'warning', High: 'danger' } as const satisfies Record<RiskLevel, string>;

function column(id: ThreatSortColumn, header: string, size: number, render: (threat: ThreatRow) => ReactNode, first = false): ThreatColumn {
  // An accessor (any value: main sorts) is what makes TanStack offer the header's sort toggle.
  return helper.accessor((row) => row.index, {
    id,
    header,
    size,
    cell: ({ row }) => (row.original.item ? render(row.original.item) : first ? <CellPlaceholder /> : null),
  }) as ThreatColumn;
}

/** The Threats grid's columns, their widths (px) and how a cell shows its value. */
export function useThreatColumns(): ThreatColumn[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const none = t('inventory.none');
    return [
      column(
        'detectedAt',
        t('threats.columns.detectedAt'),
        140,
        (threat) => (
          <time dateTime={new Date(threat.detectedAt).toISOString()} title={formatMoment(threat.detectedAt, language)}>
            {formatShortMoment(threat.detectedAt, language)}
          </time>
        ),
        true,
      ),
      column('level', t('threats.columns.level'), 100, (threat) => (
        <Badge appearance="tint" color={LEVEL_COLORS[threat.level]}>
          {t(`threats.levels.${threat.level}`)}
        </Badge>
      )),
      column('classification', t('threats.columns.classification'), 190, (threat) => threat.classifications.join(', ') || none),
      column('type', t('threats.columns.type'), 110, (threat) => threat.type),
      column('status', t('threats.columns.status'), 90, (threat) => t(`threats.statuses.${threat.status}`)),
      column('deviceName', t('threats.columns.deviceName'), 150, (threat) => threat.deviceName ?? (threat.deviceId === null ? t('threats.noDevice') : t('inventory.unnamedDevice'))),
      column('userPrincipalName', t('threats.columns.userPrincipalName'), 180, (threat) => threat.userPrincipalName ?? none),
      column('platform', t('threats.columns.platform'), 110, (threat) =>
        threat.platform === null ? none : threat.osVersion ? t('devices.platformVersion', { platform: threat.platform, version: threat.osVersion }) : threat.platform,
      ),
    ];
  }, [t, language]);
}
