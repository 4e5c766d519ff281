// The Threats screen's filter and sort live in the address (#/threats?level=High&sort=…), so a
// filtered view can be shared, bookmarked and returned to with Back.
import { RISK_LEVELS } from '../../../shared/domain/threat-classifications';
import { THREAT_STATUSES } from '../../../shared/domain/threat-level';
import { CLASSIFICATION_NAME_MAX, THREAT_AGES, THREAT_FILTER_LIST_MAX, THREAT_SORT_COLUMNS, type ThreatFilter, type ThreatSort } from '../../../shared/ipc';

export const THREATS_PATH = '/threats';
export const DEFAULT_THREAT_SORT: ThreatSort = { column: 'detectedAt', direction: 'desc' };
/** Without a status in the address the screen lists the open threats; "all" lists every status. */
const ALL_STATUSES = 'all';

const PARAM = { classifications: 'class', levels: 'level', platforms: 'platform', ages: 'age', statuses: 'status', sort: 'sort', direction: 'dir' } as const;

function listOf<T extends string>(params: URLSearchParams, name: string, values: readonly T[]): T[] {
  const given = new Set(params.getAll(name));
  return values.filter((value) => given.has(value));
}

/** What the address asks for, kept to what the contract accepts: an edited address cannot make main refuse the call. */
export function parseThreatQuery(search: string): { filter: ThreatFilter; sort: ThreatSort } {
  const params = new URLSearchParams(search);
  const filter: ThreatFilter = {};
  const classifications = [...new Set(params.getAll(PARAM.classifications).filter((name) => name.length <= CLASSIFICATION_NAME_MAX && /^[A-Z0-9_]+$/.test(name)))].slice(0, THREAT_FILTER_LIST_MAX);
  if (classifications.length > 0) filter.classifications = classifications;
  const levels = listOf(params, PARAM.levels, RISK_LEVELS);
  if (levels.length > 0) filter.levels = levels;
  const platforms = [...new Set(params.getAll(PARAM.platforms).filter((name) => name.length > 0 && name.length <= 32))].slice(0, 10);
  if (platforms.length > 0) filter.platforms = platforms;
  const ages = listOf(params, PARAM.ages, THREAT_AGES);
  if (ages.length > 0) filter.ages = ages;
  if (!params.getAll(PARAM.statuses).includes(ALL_STATUSES)) {
    const statuses = listOf(params, PARAM.statuses, THREAT_STATUSES);
    filter.statuses = statuses.length > 0 ? statuses : ['open'];
  }
  const column = params.get(PARAM.sort) ?? '';
  const sort: ThreatSort = (THREAT_SORT_COLUMNS as readonly string[]).includes(column)
    ? { column: column as ThreatSort['column'], direction: params.get(PARAM.direction) === 'asc' ? 'asc' : 'desc' }
    : DEFAULT_THREAT_SORT;
  return { filter, sort };
}

export function threatQueryParams({ filter, sort }: { filter: ThreatFilter; sort: ThreatSort }): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filter.classifications ?? []) params.append(PARAM.classifications, name);
  for (const level of filter.levels ?? []) params.append(PARAM.levels, level);
  for (const platform of filter.platforms ?? []) params.append(PARAM.platforms, platform);
  for (const age of filter.ages ?? []) params.append(PARAM.ages, age);
  const statuses = filter.statuses ?? [];
  if (statuses.length === 0) params.set(PARAM.statuses, ALL_STATUSES);
  else if (!(statuses.length === 1 && statuses[0] === 'open')) for (const status of statuses) params.append(PARAM.statuses, status);
  if (sort.column !== DEFAULT_THREAT_SORT.column || sort.direction !== DEFAULT_THREAT_SORT.direction) {
    params.set(PARAM.sort, sort.column);
    params.set(PARAM.direction, sort.direction);
  }
  return params;
}

/** Filtered beyond the default view (the open threats). */
export function isThreatFiltered(filter: ThreatFilter): boolean {
  const { statuses, ...rest } = filter;
  return Object.keys(rest).length > 0 || !(statuses?.length === 1 && statuses[0] === 'open');
}
