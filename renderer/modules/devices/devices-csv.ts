// The device list as a CSV in the screen's own words: its column headers, states and levels as
// words, dates as the screen writes them, so the file reads like the list it came from.
import type { TFunction } from 'i18next';
import { DEVICE_PAGE_MAX, type Api, type DeviceFilter, type DeviceRow, type DeviceSort } from '../../../shared/ipc';
import { csvCell } from '../../../shared/domain/csv-cell';
import { formatMoment } from '../../forms/format';

/** The columns as the list heads them, then the ones the opened device adds. */
export function deviceCsvColumns(t: TFunction, language: string): { header: string; value: (device: DeviceRow) => string }[] {
  const none = '';
  const moment = (ms: number | null) => (ms === null ? none : formatMoment(ms, language));
  return [
    { header: t('devices.columns.deviceName'), value: (device) => device.deviceName ?? t('inventory.unnamedDevice') },
    { header: t('devices.columns.userPrincipalName'), value: (device) => device.userPrincipalName ?? none },
    {
      header: t('devices.columns.platform'),
      value: (device) =>
        device.platform === null ? none : device.osVersion ? t('devices.platformVersion', { platform: device.platform, version: device.osVersion }) : device.platform,
    },
    { header: t('devices.columns.state'), value: (device) => t(`inventory.states.${device.state}`) },
    {
      header: t('devices.columns.threatLevel'),
      value: (device) => (device.state === 'active' || device.state === 'disconnected' ? t(`inventory.threatLevels.${device.threatLevel}`) : t('inventory.threatLevels.noData')),
    },
    { header: t('devices.columns.compliance'), value: (device) => t(`inventory.compliance.${device.compliance}`) },
    { header: t('devices.columns.lastCheckinAt'), value: (device) => moment(device.lastCheckinAt) },
    { header: t('devices.columns.stateSince'), value: (device) => moment(device.stateSince) },
    { header: t('devices.detail.lastSync'), value: (device) => moment(device.lastSyncAt) },
    { header: t('devices.detail.deviceId'), value: (device) => device.id },
  ];
}

/** Every device of the filter, in the list's order, read page by page as the list reads them. */
export async function devicesCsv(api: Api, request: { filter: DeviceFilter; sort: DeviceSort }, t: TFunction, language: string): Promise<{ csv: string; rows: number }> {
  const columns = deviceCsvColumns(t, language);
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  let offset = 0;
  for (;;) {
    const page = await api['devices.page']({ ...request, offset, limit: DEVICE_PAGE_MAX });
    for (const device of page.rows) lines.push(columns.map((column) => csvCell(column.value(device))).join(','));
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.total) break;
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}

export function devicesCsvFilename(now: Date): string {
  return `mtd-console-devices-${now.toISOString().slice(0, 10)}.csv`;
}
