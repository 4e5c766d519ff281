import { useTranslation } from 'react-i18next';
import { DEVICE_SORT_COLUMNS, type DeviceRow, type DeviceSort } from '../../../shared/ipc';
import { VirtualGrid } from '../../tables/VirtualGrid';
import { useDeviceColumns } from './device-columns';

export interface DeviceTableProps {
  total: number;
  rowAt: (index: number) => DeviceRow | undefined;
  showRange: (first: number, last: number) => void;
  sort: DeviceSort;
  onSortChange: (sort: DeviceSort) => void;
  onOpen: (device: DeviceRow) => void;
}

/** The devices as a virtual grid, one page of rows fetched as it scrolls into view. */
export function DeviceTable(props: DeviceTableProps) {
  const { t } = useTranslation();
  const columns = useDeviceColumns();
  return <VirtualGrid label={t('devices.table')} hint={t('devices.tableHint')} columns={columns} growColumn="userPrincipalName" sortColumns={DEVICE_SORT_COLUMNS} {...props} />;
}
