import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';
import { AFTER_POLL } from '../../data/query-client';
import { DASHBOARD_KEY } from '../dashboard/use-dashboard';
import type { FilterOptions } from './DeviceFilters';

const NO_OPTIONS: FilterOptions = { platforms: [], enrollmentGroups: [] };

const optionsOf = (dashboard: Dashboard): FilterOptions => ({
  platforms: dashboard.platforms,
  enrollmentGroups: dashboard.enrollmentGroups.map((group) => group.name),
});

/** The platforms and enrollment groups to filter by, from the dashboard's aggregates; none when they cannot be read (the filters still work). */
export function useFilterOptions(): FilterOptions {
  const api = useApi();
  const query = useQuery({ queryKey: DASHBOARD_KEY, queryFn: () => api['dashboard.get'](), staleTime: 0, meta: AFTER_POLL, select: optionsOf });
  return query.data ?? NO_OPTIONS;
}
