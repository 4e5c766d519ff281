import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRow, DeviceSortColumn } from '../../../shared/ipc';
import { formatMoment, formatShortMoment } from '../../forms/format';
import { CellPlaceholder } from '../../tables/CellPlaceholder';
import type { WindowRow } from '../../tables/VirtualGrid';
import { ComplianceBadge, StateBadge, ThreatLevelBadge } from './DeviceBadges';

const helper = createColumnHelper<WindowRow<DeviceRow>>();

export type DeviceColumn = ColumnDef<WindowRow<DeviceRow>, unknown>;

/**
 * One column: its id is the contract's sort column (sorting by it asks main to sort), its
 * value makes TanStack treat it as sortable, and `render` shows a device's cell.
 */
function column(id: DeviceSortColumn, header: string, size: number, render: (device: DeviceRow) => ReactNode, first = false): DeviceColumn {
  return helper.accessor((row) => (row.item ? row.item[id] : null), {
    id,
    header,
    size,
    cell: ({ row }) => (row.original.item ? render(row.original.item) : first ? <CellPlaceholder /> : null),
  }) as DeviceColumn;
}

/** The explorer's columns, their widths (px) and how a cell shows its value. */
export function useDeviceColumns(): DeviceColumn[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const none = t('inventory.none');
    const moment = (ms: number | null) =>
      ms === null ? (
        none
      ) : (
        <time dateTime={new Date(ms).toISOString()} title={formatMoment(ms, language)}>
          {formatShortMoment(ms, language)}
        </time>
      );
    return [
      column('deviceName', t('devices.columns.deviceName'), 150, (device) => device.deviceName ?? t('inventory.unnamedDevice'), true),
      column('userPrincipalName', t('devices.columns.userPrincipalName'), 180, (device) => device.userPrincipalName ?? none),
      column('platform', t('devices.columns.platform'), 100, (device) =>
        device.platform === null
          ? none
          : device.osVersion
            ? t('devices.platformVersion', { platform: device.platform, version: device.osVersion })
            : device.platform,
      ),
      column('state', t('devices.columns.state'), 110, (device) => <StateBadge state={device.state} />),
      column('threatLevel', t('devices.columns.threatLevel'), 100, (device) => <ThreatLevelBadge level={device.threatLevel} state={device.state} />),
      column('compliance', t('devices.columns.compliance'), 130, (device) => <ComplianceBadge compliance={device.compliance} />),
      column('lastCheckinAt', t('devices.columns.lastCheckinAt'), 140, (device) => moment(device.lastCheckinAt)),
      column('stateSince', t('devices.columns.stateSince'), 140, (device) => moment(device.stateSince)),
    ];
  }, [t, language]);
}
