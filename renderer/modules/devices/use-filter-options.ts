import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { FilterOptions } from './DeviceFilters';

const NO_OPTIONS: FilterOptions = { platforms: [], enrollmentGroups: [] };

/** The platforms and enrollment groups to filter by, from the dashboard's aggregates; none when they cannot be read (the filters still work). */
export function useFilterOptions(generation: number): FilterOptions {
  const api = useApi();
  const [options, setOptions] = useState<FilterOptions>(NO_OPTIONS);
  useEffect(() => {
    let live = true;
    api['dashboard.get']().then(
      (dashboard) => live && setOptions({ platforms: dashboard.platforms, enrollmentGroups: dashboard.enrollmentGroups.map((group) => group.name) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, generation]);
  return options;
}
