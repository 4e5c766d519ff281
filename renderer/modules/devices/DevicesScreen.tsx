import { Body1, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, Phone24Regular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceFilter, DeviceRow, DeviceSort } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { itemOf, moduleForPath } from '../../app/modules';
import { navigateTo, replaceRoute, useHashQuery, useHashRoute } from '../../app/use-hash-route';
import { EngineGate } from '../../engine/EngineGate';
import { downloadText } from '../../forms/download';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { messageOf } from '../../forms/errors';
import { DeviceDetail } from './DeviceDetail';
import { DeviceFilters } from './DeviceFilters';
import { deviceQueryParams, DEVICES_PATH, isFiltered, parseDeviceQuery } from './device-query';
import { DeviceTable } from './DeviceTable';
import { devicesCsv, devicesCsvFilename } from './devices-csv';
import { useDevicePages } from './use-device-pages';
import { useFilterOptions } from './use-filter-options';
import { PagedRows, RowsTotal } from '../../tables/PagedRows';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, minHeight: '32px' },
  spacer: { flex: 1 },
});

/** Devices: every device of the inventory, searched, filtered and sorted in main, one page at a time. */
export function DevicesScreen() {
  const { t } = useTranslation();
  return (
    <EngineGate icon={Phone24Regular} empty={t('modules.devices.empty')}>
      {/* Each finished poll is a new generation of the inventory: the rows on screen are read again. */}
      {(status) => <DeviceExplorer generation={status.lastPoll?.id ?? 0} />}
    </EngineGate>
  );
}

function DeviceExplorer({ generation }: { generation: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const query = useHashQuery();
  const { filter, sort } = useMemo(() => parseDeviceQuery(query), [query]);
  const options = useFilterOptions();
  const pages = useDevicePages(filter, sort, generation);
  // The opened device has an address of its own (#/devices/<id>, the list's filter kept), so it can be shared and bookmarked.
  const path = useHashRoute();
  const devicesModule = moduleForPath(DEVICES_PATH);
  const openedId = devicesModule ? itemOf(devicesModule, path) : null;
  const [openedName, setOpenedName] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const show = useCallback((next: { filter: DeviceFilter; sort: DeviceSort }) => {
    setExported(null);
    replaceRoute(DEVICES_PATH, deviceQueryParams(next));
  }, []);

  const openDevice = useCallback(
    (device: DeviceRow) => {
      setOpenedName(device.deviceName);
      navigateTo(`${DEVICES_PATH}/${encodeURIComponent(device.id)}`, new URLSearchParams(query));
    },
    [query],
  );
  const closeDevice = () => {
    setOpenedName(null);
    replaceRoute(DEVICES_PATH, new URLSearchParams(query));
  };

  const exportCsv = async () => {
    setExporting(true);
    setExported(null);
    setExportError(null);
    try {
      const { csv, rows } = await devicesCsv(api, { filter, sort }, t, i18n.language);
      const filename = devicesCsvFilename(new Date());
      downloadText(filename, csv, 'text/csv;charset=utf-8');
      setExported(t('devices.exported', { count: rows, filename }));
    } catch (failure) {
      setExportError(t('devices.exportFailed', { message: messageOf(failure) }));
    } finally {
      setExporting(false);
    }
  };

  const { total } = pages;
  return (
    <div className={styles.root}>
      <DeviceFilters filter={filter} options={options} onChange={(next) => show({ filter: next, sort })} />
      <div className={styles.toolbar}>
        <RowsTotal total={total} loading={t('devices.totalLoading')} counted={(count) => t('devices.total', { count })} />
        <span className={styles.spacer} />
        <Body1 role="status">{exported}</Body1>
        <Button
          icon={exporting ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
          disabledFocusable={exporting || total === 0}
          onClick={() => void exportCsv()}
        >
          {t('devices.exportCsv')}
        </Button>
      </div>
      <ErrorAlert message={exportError} />
      <PagedRows pages={pages} emptyIcon={Phone24Regular} emptyMessage={isFiltered(filter) ? t('devices.noMatch') : t('modules.devices.empty')}>
        <DeviceTable
          key={JSON.stringify(filter)}
          total={total ?? 0}
          rowAt={pages.rowAt}
          showRange={pages.showRange}
          sort={sort}
          onSortChange={(next) => show({ filter, sort: next })}
          onOpen={openDevice}
        />
      </PagedRows>
      <DeviceDetail id={openedId} knownName={openedName} generation={generation} onClose={closeDevice} />
    </div>
  );
}
