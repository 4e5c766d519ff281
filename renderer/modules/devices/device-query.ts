// The device explorer's filter and sort live in the address (#/devices?state=disconnected&sort=…),
// so a chart segment, a link and the Back button all lead to the same list.
import { COMPLIANCE_STATES } from '../../../shared/domain/compliance';
import { THREAT_LEVELS } from '../../../shared/domain/threat-level';
import { DEVICE_LIST_STATES, DEVICE_SORT_COLUMNS, SEARCH_MAX, type DeviceFilter, type DeviceSort } from '../../../shared/ipc';
import { hrefFor } from '../../app/use-hash-route';

export const DEVICES_PATH = '/devices';
export const DEFAULT_SORT: DeviceSort = { column: 'deviceName', direction: 'asc' };

export interface DeviceQuery {
  filter: DeviceFilter;
  sort: DeviceSort;
}

const PARAM = {
  search: 'q',
  states: 'state',
  platforms: 'platform',
  threatLevels: 'threat',
  compliance: 'compliance',
  enrollmentGroup: 'group',
  sort: 'sort',
  direction: 'dir',
} as const;

function oneOf<T extends string>(values: readonly T[], candidate: string): candidate is T {
  return (values as readonly string[]).includes(candidate);
}

/** The allowed values among the parameter's, each once, in the vocabulary's order: an edited address cannot make main refuse the call. */
function listOf<T extends string>(params: URLSearchParams, name: string, values: readonly T[]): T[] {
  const given = new Set(params.getAll(name));
  return values.filter((value) => given.has(value));
}

export function parseDeviceQuery(search: string): DeviceQuery {
  const params = new URLSearchParams(search);
  const filter: DeviceFilter = {};
  const text = params.get(PARAM.search)?.trim().slice(0, SEARCH_MAX);
  if (text) filter.search = text;
  const states = listOf(params, PARAM.states, DEVICE_LIST_STATES);
  if (states.length > 0) filter.states = states;
  const platforms = [...new Set(params.getAll(PARAM.platforms).filter((name) => name.length > 0 && name.length <= 32))].slice(0, 10);
  if (platforms.length > 0) filter.platforms = platforms;
  const levels = listOf(params, PARAM.threatLevels, THREAT_LEVELS);
  if (levels.length > 0) filter.threatLevels = levels;
  const compliance = listOf(params, PARAM.compliance, COMPLIANCE_STATES);
  if (compliance.length > 0) filter.compliance = compliance;
  const group = params.get(PARAM.enrollmentGroup);
  if (group && group.length <= 256) filter.enrollmentGroup = group;

  const column = params.get(PARAM.sort) ?? '';
  const direction = params.get(PARAM.direction);
  const sort: DeviceSort = oneOf(DEVICE_SORT_COLUMNS, column) ? { column, direction: direction === 'desc' ? 'desc' : 'asc' } : DEFAULT_SORT;
  return { filter, sort };
}

export function deviceQueryParams({ filter, sort }: DeviceQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.search) params.set(PARAM.search, filter.search);
  for (const state of filter.states ?? []) params.append(PARAM.states, state);
  for (const platform of filter.platforms ?? []) params.append(PARAM.platforms, platform);
  for (const level of filter.threatLevels ?? []) params.append(PARAM.threatLevels, level);
  for (const compliance of filter.compliance ?? []) params.append(PARAM.compliance, compliance);
  if (filter.enrollmentGroup) params.set(PARAM.enrollmentGroup, filter.enrollmentGroup);
  if (sort.column !== DEFAULT_SORT.column || sort.direction !== DEFAULT_SORT.direction) {
    params.set(PARAM.sort, sort.column);
    params.set(PARAM.direction, sort.direction);
  }
  return params;
}

/** The address of the device list with this filter (and the default sort). */
export function devicesHref(filter: DeviceFilter): string {
  return hrefFor(DEVICES_PATH, deviceQueryParams({ filter, sort: DEFAULT_SORT }));
}

export function isFiltered(filter: DeviceFilter): boolean {
  return Object.keys(filter).length > 0;
}
