import { useCallback, useMemo } from 'react';
import type { DeviceFilter, DeviceRow, DeviceSort } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { useRowPages, type RowPages } from '../../tables/use-row-pages';

export type DevicePages = RowPages<DeviceRow>;

/** The filtered, sorted inventory one page at a time, as the table scrolls; read again after each poll (`generation`). */
export function useDevicePages(filter: DeviceFilter, sort: DeviceSort, generation: number): DevicePages {
  const api = useApi();
  const key = useMemo(() => JSON.stringify({ filter, sort }), [filter, sort]);
  const load = useCallback((offset: number, limit: number) => api['devices.page']({ filter, sort, offset, limit }), [api, filter, sort]);
  return useRowPages(key, load, generation, 'devices');
}
